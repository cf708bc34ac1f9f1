package be.hulpwijzer.web.editing;

import java.util.List;

/**
 * One field of an editing form. {@code name} is the field's path in the API's JSON ({@code contact.email}),
 * so the API's checks and messages apply unchanged and an error finds its field.
 */
record FormField(String name, String label, Kind kind, String hint, boolean required, List<Option> options) {

    enum Kind {
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
        /** Several short codes typed in one line, separated by commas or spaces. */
        CODES,
        /** Yes or no. */
        CHECKBOX
    }

    record Option(String code, String name) {
    }

    static FormField of(String name, String label, Kind kind, boolean required) {
        return new FormField(name, label, kind, "", required, List.of());
    }

    FormField hint(String text) {
        return new FormField(name, label, kind, text, required, options);
    }

    FormField options(List<Option> choices) {
        return new FormField(name, label, kind, hint, required, choices);
    }

    /** An id safe for HTML and CSS. */
    String id() {
        return "f-" + name.replace('.', '-');
    }
}
