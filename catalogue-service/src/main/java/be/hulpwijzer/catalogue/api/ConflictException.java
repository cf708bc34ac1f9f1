package be.hulpwijzer.catalogue.api;

/** The request clashes with the stored state (409): a stale version, or a row still in use. */
public final class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

    public static ConflictException staleVersion() {
        return new ConflictException(Messages.get("conflict.version"));
    }
}
