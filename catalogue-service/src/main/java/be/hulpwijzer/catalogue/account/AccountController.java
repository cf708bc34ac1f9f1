package be.hulpwijzer.catalogue.account;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/**
 * Accounts are made by an administrator, or by a network coordinator for organisations active in their
 * zones (as editors only).
 */
@Controller("/api/v1/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** An account changes its own password: {"currentPassword": ..., "newPassword": ...}. */
    @io.micronaut.http.annotation.Put("/me/password")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.COORDINATOR, Roles.EDITOR})
    @io.micronaut.http.annotation.Status(io.micronaut.http.HttpStatus.NO_CONTENT)
    void changePassword(@Body String body, Authentication caller) {
        JsonFields json = JsonFields.parse(body);
        json.allowOnly(java.util.Set.of("currentPassword", "newPassword"));
        String current = json.text("currentPassword", true, 200);
        String next = json.text("newPassword", true, 200);
        json.throwIfInvalid();
        java.util.List<be.hulpwijzer.catalogue.api.FieldError> errors = accounts.changePassword(caller.getName(), current, next,
                caller.getAttributes().get(be.hulpwijzer.catalogue.security.Sessions.CLAIM) instanceof String sid ? sid : null);
        if (!errors.isEmpty()) {
            throw new be.hulpwijzer.catalogue.api.InvalidRequestException(errors);
        }
    }

    @Post
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.COORDINATOR})
    HttpResponse<AccountView> create(@Body String body, Authentication creator) {
        return HttpResponse.created(accounts.create(creator, body));
    }
}
