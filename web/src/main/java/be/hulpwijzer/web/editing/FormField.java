package be.hulpwijzer.web.editing;

import java.util.List;

/**
 * One field of an editing form. {@code name} is the field's path in the API's JSON ({@code contact.email}),
 * so the API's checks and messages apply unchanged and an error finds its field.
 */
public record FormField(String name, String label, Kind kind, String hint, boolean required, List<Option> options) {

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
        /** Several short codes typed in one line, separated by commas or spaces. */
        CODES,
        /** Yes or no. */
        CHECKBOX
    }

    public record Option(String code, String name) {
    }

    public static FormField of(String name, String label, Kind kind, boolean required) {
        return new FormField(name, label, kind, "", required, List.of());
    }

    public FormField hint(String text) {
        return new FormField(name, label, kind, text, required, options);
    }

    public FormField options(List<Option> choices) {
        return new FormField(name, label, kind, hint, required, choices);
    }

    /** An id safe for HTML and CSS. */
    String id() {
        return "f-" + name.replace('.', '-');
    }
}
