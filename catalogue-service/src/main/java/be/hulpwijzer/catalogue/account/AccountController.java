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

    @Post
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.COORDINATOR})
    HttpResponse<AccountView> create(@Body String body, Authentication creator) {
        AccountInput input = AccountInput.read(JsonFields.parse(body), accounts);
        accounts.authorise(creator, input);
        return HttpResponse.created(accounts.create(input));
    }
}
