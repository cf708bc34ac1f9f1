package be.hulpwijzer.catalogue.security;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.List;

/** The roles known to the application, and what an authentication carries besides them. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String EDITOR = "EDITOR";
    /** A token an organisation made to push availability from its own systems. */
    public static final String ORGANISATION_TOKEN = "ORGANISATION_TOKEN";

    /** Attribute: the organisation ids an editor or token may change. */
    public static final String ORGANISATIONS = "organisations";
    /** Attribute: the zone codes a coordinator looks after. */
    public static final String ZONES = "zones";

    private Roles() {
    }

    public static String forAccountRole(String role) {
        return switch (role) {
            case "administrator" -> ADMIN;
            case "coordinator" -> COORDINATOR;
            default -> EDITOR;
        };
    }

    public static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getRoles().contains(ADMIN);
    }

    /** The organisations this authentication may change (empty for coordinators and administrators). */
    public static List<Long> organisations(Authentication authentication) {
        Object value = authentication.getAttributes().get(ORGANISATIONS);
        if (value instanceof Collection<?> ids) {
            return ids.stream().map(id -> ((Number) id).longValue()).toList();
        }
        return List.of();
    }

    public static List<String> zones(Authentication authentication) {
        Object value = authentication.getAttributes().get(ZONES);
        if (value instanceof Collection<?> codes) {
            return codes.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
