package be.hulpwijzer.web.account;

import be.hulpwijzer.catalogue.account.Accounts;
import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.catalogue.security.Sessions;
import be.hulpwijzer.web.editing.EditFlow;
import be.hulpwijzer.web.editing.EntityForm;
import be.hulpwijzer.web.editing.FormField;
import be.hulpwijzer.web.editing.FormField.Kind;
import be.hulpwijzer.web.editing.FormField.Option;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Accounts: administrators make any account; a network coordinator makes editor accounts for the
 * organisations active in their zones. Everyone with an account changes their own password.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountPagesController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Accounts accounts;
    private final ReferenceData reference;
    private final EditFlow flow;

    AccountPagesController(Accounts accounts, ReferenceData reference, EditFlow flow) {
        this.accounts = accounts;
        this.reference = reference;
        this.flow = flow;
    }

    @Get("/accounts")
    @Secured({Roles.ADMIN, Roles.COORDINATOR})
    HttpResponse<?> list(Authentication caller, @Nullable @QueryValue String gemaakt) {
        Map<String, Object> model = Models.page(Texts.get("accountsTitle"));
        model.put("accounts", accounts.visibleTo(caller).stream().map(a -> Map.of("email", a.email(), "name", a.name(),
                "role", Texts.get("role." + a.role()), "organisations", String.join(", ", a.organisations()),
                "zones", String.join(", ", a.zones().stream().map(this::zoneName).toList()))).toList());
        if (gemaakt != null) {
            model.put("notice", Texts.get("accountCreated"));
        }
        return HttpResponse.ok(new ModelAndView<>("accounts", model));
    }

    @Get("/accounts/nieuw")
    @Secured({Roles.ADMIN, Roles.COORDINATOR})
    HttpResponse<?> newAccount(HttpRequest<?> request, Authentication caller) {
        return flow.show(request, newPage(), form(caller), null);
    }

    @Post("/accounts/nieuw")
    @Secured({Roles.ADMIN, Roles.COORDINATOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> create(HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        return flow.submit(request, body, () -> newPage(), form(caller), null, json -> {
            accounts.create(caller, Roles.isAdmin(caller) ? json : asEditor(json));
            return "/accounts?gemaakt=1";
        });
    }

    @Get("/account/wachtwoord")
    @Secured({Roles.ADMIN, Roles.COORDINATOR, Roles.EDITOR})
    HttpResponse<?> password(HttpRequest<?> request, @Nullable @QueryValue String gewijzigd) {
        return flow.show(request, passwordPage(gewijzigd != null), passwordForm(), null);
    }

    @Post("/account/wachtwoord")
    @Secured({Roles.ADMIN, Roles.COORDINATOR, Roles.EDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> changePassword(HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        return flow.submit(request, body, () -> passwordPage(false), passwordForm(), null, json -> {
            Map<String, List<String>> typed = EntityForm.typed(body);
            List<FieldError> errors = accounts.changePassword(caller.getName(), first(typed, "currentPassword"),
                    first(typed, "newPassword"), caller.getAttributes().get(Sessions.CLAIM) instanceof String sid ? sid : null);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            return "/account/wachtwoord?gewijzigd=1";
        });
    }

    /** A coordinator's account is always an editor's, whatever the form said. */
    private static String asEditor(String json) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
            node.put("role", "editor");
            node.remove("zones");
            return node.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(Map<String, List<String>> typed, String field) {
        List<String> values = typed.getOrDefault(field, List.of());
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private EntityForm form(Authentication caller) {
        List<FormField> fields = new ArrayList<>(List.of(
                field("email", Kind.EMAIL, true),
                field("name", Kind.TEXT, true),
                field("password", Kind.PASSWORD, true).hint(Texts.get("account.hint.password"))));
        if (Roles.isAdmin(caller)) {
            fields.add(field("role", Kind.SELECT, true).options(List.of("editor", "coordinator", "administrator").stream()
                    .map(r -> new Option(r, Texts.get("role." + r))).toList()));
        }
        fields.add(field("organisations", Kind.IDS, false).hint(Texts.get("account.hint.organisations"))
                .options(accounts.organisationsFor(caller).stream().map(o -> new Option(String.valueOf(o.id()), o.name())).toList()));
        if (Roles.isAdmin(caller)) {
            fields.add(field("zones", Kind.CHECKBOXES, false).hint(Texts.get("account.hint.zones"))
                    .options(reference.zones().stream().map(z -> new Option(z.code(), z.name())).toList()));
        }
        return new EntityForm(fields);
    }

    private static EntityForm passwordForm() {
        return new EntityForm(List.of(field("currentPassword", Kind.PASSWORD, true),
                field("newPassword", Kind.PASSWORD, true).hint(Texts.get("account.hint.password"))));
    }

    private static FormField field(String name, Kind kind, boolean required) {
        return FormField.of(name, Texts.get("account." + name), kind, required);
    }

    private static EditFlow.Page newPage() {
        return new EditFlow.Page(Texts.get("accountNew"), Texts.get("accountsTitle"), "/accounts/nieuw", "/accounts", null);
    }

    private static EditFlow.Page passwordPage(boolean changed) {
        return new EditFlow.Page(Texts.get("passwordTitle"), Texts.get("navOrganisations"), "/account/wachtwoord", "/wachtlijsten",
                null, changed ? Texts.get("passwordChanged") : null);
    }

    private String zoneName(String code) {
        var zone = reference.zonesByCode().get(code);
        return zone == null ? code : zone.name();
    }
}
