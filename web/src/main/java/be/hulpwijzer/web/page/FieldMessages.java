package be.hulpwijzer.web.page;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.Messages;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.function.Function;

/**
 * The API's messages as a page says them: a field by its label, never by its JSON name. The API names
 * {@code 'expectedWaitDays'}; the page says {@code 'Verwachte wachttijd (dagen)'}. A message whose
 * API wording itself names JSON fields has its own page wording under {@code error.<code>} in the bundle,
 * or for one field only under {@code error.<field>.<code>}.
 */
public final class FieldMessages {

    private FieldMessages() {
    }

    /**
     * @param labels a field's label by its JSON path (null when the page has no such field)
     */
    public static String say(FieldError error, Function<String, String> labels) {
        List<Object> args = error.args().stream().map(arg -> arg instanceof String name ? label(name, labels) : arg).toList();
        String field = error.field() == null ? "" : error.field();
        if (Texts.has("error." + field + "." + error.code())) {
            return Texts.get("error." + field + "." + error.code(), args.toArray());
        }
        if (Texts.has("error." + error.code())) {
            return Texts.get("error." + error.code(), args.toArray());
        }
        if (!error.args().isEmpty()) {
            return Messages.get(error.code(), args.toArray());
        }
        String label = labels.apply(field.replaceAll("\\[\\d+]$", ""));
        return label == null ? error.message() : error.message().replace("'" + field + "'", "'" + label + "'")
                .replace("'" + field.replaceAll("\\[\\d+]$", "") + "'", "'" + label + "'");
    }

    private static Object label(String name, Function<String, String> labels) {
        @Nullable String label = labels.apply(name.replaceAll("\\[\\d+]$", ""));
        return label == null ? name : label;
    }
}
