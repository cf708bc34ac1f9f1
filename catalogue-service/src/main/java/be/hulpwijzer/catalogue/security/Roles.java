package be.hulpwijzer.catalogue.security;

/** The roles known to the application. */
public final class Roles {

    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
