package be.hulpwijzer.catalogue.account;

import be.hulpwijzer.catalogue.api.JsonFields;

import java.util.List;
import java.util.Set;

/** A new account as sent: who, which role, and for what (organisations of an editor, zones of a coordinator). */
public record AccountInput(String email, String name, String password, String role, List<Long> organisations,
                    List<String> zones) {

    private static final Set<String> FIELDS = Set.of("email", "name", "password", "role", "organisations", "zones");
    static final int MIN_PASSWORD = 12;

    public static AccountInput read(JsonFields json, Accounts accounts) {
        json.allowOnly(FIELDS);
        String email = json.email("email");
        if (email == null && !json.has("email")) {
            json.reject("email", "field.required", "email");
        }
        String name = json.text("name", true, 200);
        String password = json.text("password", true, 200);
        if (password != null && password.length() < MIN_PASSWORD) {
            json.reject("password", "account.password");
        }
        String role = json.code("role", true, List.of("editor", "coordinator", "administrator"));
        List<Long> organisations = json.ids("organisations");
        for (Long id : organisations) {
            if (!accounts.organisationExists(id)) {
                json.reject("organisations", "account.unknownOrganisation", id);
            }
        }
        List<String> zones = json.codes("zones", false, accounts::zoneExists, "field.unknownZone");
        if ("editor".equals(role) && organisations.isEmpty()) {
            json.reject("organisations", "account.editorNeedsOrganisation");
        }
        if ("coordinator".equals(role) && zones.isEmpty()) {
            json.reject("zones", "account.coordinatorNeedsZone");
        }
        if (email != null && accounts.emailTaken(email)) {
            json.reject("email", "account.emailTaken", email);
        }
        json.throwIfInvalid();
        return new AccountInput(email.toLowerCase(), name, password, role, organisations, zones);
    }
}
