package be.hulpwijzer.catalogue.api;

/** The caller is known but may not do this (403), with a Dutch reason. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
