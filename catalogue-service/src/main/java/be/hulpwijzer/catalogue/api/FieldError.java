package be.hulpwijzer.catalogue.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Arrays;
import java.util.List;

/**
 * One wrong field of a request: where ({@code field}, a JSON path such as {@code contact.email}),
 * a stable machine code, and a sentence a person understands. The message's arguments are kept (not
 * published) so that pages can say the same with the field's label instead of its JSON name.
 */
public record FieldError(String field, String code, String message, @JsonIgnore List<Object> args) {

    public FieldError(String field, String code, String message) {
        this(field, code, message, List.of());
    }

    /** The error with its message from the bundle, formatted with these arguments. */
    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, Messages.get(code, args), Arrays.asList(args));
    }
}
