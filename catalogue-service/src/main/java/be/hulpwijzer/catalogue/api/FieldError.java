package be.hulpwijzer.catalogue.api;

/**
 * One wrong field of a request: where ({@code field}, a JSON path such as {@code contact.email}),
 * a stable machine code, and a sentence a person understands.
 */
public record FieldError(String field, String code, String message) {
}
