package be.hulpwijzer.web.editing;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One field of an editing form. {@code name} is the field's path in the API's JSON ({@code contact.email}),
 * so the API's checks and messages apply unchanged and an error finds its field.
 */
public record FormField(String name, String label, Kind kind, String hint, boolean required, List<Option> options,
                        @Nullable Words words) {

    /**
     * A field typed in words and stored as a code or number: how a stored value is shown ("12 jaar" for 144)
     * and how typed words are sent (144 for "12 jaar"; what cannot be read is sent as typed, so the API names it).
     */
    public record Words(UnaryOperator<String> shown, UnaryOperator<String> sent) {
    }

    public enum Kind {
        /** One line of text; also e-mail, phone, web address and date, with the matching input type. */
        TEXT, EMAIL, TEL, URL, DATE,
        /** Several lines of text. */
        TEXTAREA,
        /** A whole number (sent as a number when it is one, as text otherwise so the API names the mistake). */
        NUMBER,
        /** A decimal number, a comma or a point. */
        DECIMAL,
        /** One code from a list. */
        SELECT,
        /** Several codes from a list. */
        CHECKBOXES,
        /** Several ids from a list (sent as numbers). */
        IDS,
        /** A password: never shown again, not even after a mistake. */
        PASSWORD,
        /** Yes or no. */
        CHECKBOX
    }

    public record Option(String code, String name) {
    }

    public static FormField of(String name, String label, Kind kind, boolean required) {
        return new FormField(name, label, kind, "", required, List.of(), null);
    }

    public FormField hint(String text) {
        return new FormField(name, label, kind, text, required, options, words);
    }

    public FormField options(List<Option> choices) {
        return new FormField(name, label, kind, hint, required, choices, words);
    }

    public FormField words(Words conversion) {
        return new FormField(name, label, kind, hint, required, options, conversion);
    }

    /** An id safe for HTML and CSS. */
    String id() {
        return "f-" + name.replace('.', '-');
    }
}
