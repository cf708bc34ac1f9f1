package be.hulpwijzer.catalogue.api;

/** The addressed resource does not exist (404). */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String what, long id) {
        super(Messages.get("notFound", what, String.valueOf(id)));
    }
}
