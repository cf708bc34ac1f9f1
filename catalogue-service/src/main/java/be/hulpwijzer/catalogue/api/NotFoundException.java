package be.hulpwijzer.catalogue.api;

/** The addressed resource does not exist (404). */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String what, long id) {
        this(what, String.valueOf(id));
    }

    /** For an id that is not a number of ours (an HSDS UUID). */
    public NotFoundException(String what, String id) {
        super(Messages.get("notFound", what, id));
    }
}
