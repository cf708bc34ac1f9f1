package be.hulpwijzer.web.editing;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.web.editing.FormField.Kind;
import be.hulpwijzer.web.page.FieldMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An editing form: turns what was typed into the API's JSON (so pages and API share every check), what
 * is stored into what the form shows, and errors into messages next to their fields.
 */
public record EntityForm(List<FormField> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was typed, each field's values as sent (checkboxes send a value per ticked box). */
    public static Map<String, List<String>> typed(Map<String, Object> body) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        body.forEach((name, value) -> typed.put(name, value instanceof Collection<?> values
                ? values.stream().map(String::valueOf).toList() : List.of(String.valueOf(value))));
        return typed;
    }

    /** The stored values, read from the entity as the API shows it (a map of its JSON). */
    Map<String, List<String>> stored(Map<String, Object> entity) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FormField field : fields) {
            Object value = entity;
            for (String part : field.name().split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            if (value instanceof Collection<?> list) {
                List<String> items = list.stream().map(String::valueOf).toList();
                values.put(field.name(), items);
            } else if (value != null && !(field.kind() == Kind.CHECKBOX && Boolean.FALSE.equals(value))) {
                values.put(field.name(), List.of(field.words() == null ? String.valueOf(value) : field.words().shown().apply(String.valueOf(value))));
            }
        }
        return values;
    }

    /** The JSON the API would receive for what was typed. */
    String json(Map<String, List<String>> typed, @Nullable Long version) {
        ObjectNode root = JSON.createObjectNode();
        if (version != null) {
            root.put("version", version);
        }
        for (FormField field : fields) {
            List<String> values = typed.getOrDefault(field.name(), List.of());
            String first = values.isEmpty() ? "" : values.get(0).strip();
            if (field.words() != null && !first.isEmpty()) {
                first = field.words().sent().apply(first);
            }
            String[] path = field.name().split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
            }
            String key = path[path.length - 1];
            switch (field.kind()) {
                case CHECKBOXES -> {
                    ArrayNode array = parent.putArray(key);
                    values.stream().map(String::strip).filter(v -> !v.isEmpty()).forEach(array::add);
                }
                case IDS -> {
                    ArrayNode array = parent.putArray(key);
                    values.stream().map(String::strip).filter(v -> !v.isEmpty())
                            .forEach(v -> {
                                if (v.matches("\\d{1,18}")) {
                                    array.add(Long.parseLong(v));
                                } else {
                                    array.add(v);
                                }
                            });
                }
                case CHECKBOX -> parent.put(key, !first.isEmpty());
                case NUMBER -> {
                    if (first.matches("-?\\d{1,9}")) {
                        parent.put(key, Integer.parseInt(first));
                    } else if (!first.isEmpty()) {
                        parent.put(key, first);
                    }
                }
                case DECIMAL -> {
                    String decimal = first.replace(',', '.');
                    if (decimal.matches("-?\\d{1,3}(\\.\\d{1,12})?")) {
                        parent.put(key, Double.parseDouble(decimal));
                    } else if (!first.isEmpty()) {
                        parent.put(key, first);
                    }
                }
                default -> {
                    if (!first.isEmpty()) {
                        parent.put(key, first);
                    }
                }
            }
        }
        return root.toString();
    }

    /** The errors that belong to no field of this form (shown above it). */
    List<String> unplaced(List<FieldError> errors) {
        return errors.stream().filter(e -> field(e) == null).map(e -> FieldMessages.say(e, this::label)).toList();
    }

    /**
     * The fields as the template shows them: values (typed, else stored), their errors in words that name
     * the label, and, after a conflict, what someone else stored meanwhile where it differs.
     */
    List<Map<String, Object>> view(Map<String, List<String>> values, List<FieldError> errors,
                                   @Nullable Map<String, List<String>> storedMeanwhile) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FormField field : fields) {
            List<String> value = values.getOrDefault(field.name(), List.of());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", field.name());
            row.put("id", field.id());
            row.put("label", field.label());
            row.put("hint", field.hint());
            row.put("required", field.required());
            row.put(field.kind() == Kind.IDS ? "checkboxes" : field.words() != null ? "text" : field.kind().name().toLowerCase(), true);
            row.put("inputType", switch (field.kind()) {
                case EMAIL -> "email";
                case TEL -> "tel";
                case URL -> "url";
                case DATE -> "date";
                default -> "text";
            });
            row.put("numeric", field.kind() == Kind.NUMBER);
            row.put("value", value.isEmpty() || field.kind() == Kind.PASSWORD ? "" : value.get(0));
            row.put("checked", !value.isEmpty() && !value.get(0).isEmpty() && !"false".equals(value.get(0)));
            row.put("options", options(field, value).stream().map(o -> Map.of("code", o.code(), "name", o.name(),
                    "id", field.id() + "-" + o.code(), "selected", value.contains(o.code()))).toList());
            List<String> messages = errors.stream().filter(e -> field.equals(field(e)))
                    .map(e -> FieldMessages.say(e, this::label)).toList();
            row.put("errors", messages);
            row.put("invalid", !messages.isEmpty());
            if (storedMeanwhile != null && !Objects.equals(normal(storedMeanwhile.get(field.name())), normal(value))) {
                row.put("meanwhile", display(field, storedMeanwhile.getOrDefault(field.name(), List.of())));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The field's choices, and any stored value that is not among them, so that saving never drops it. */
    private static List<FormField.Option> options(FormField field, List<String> values) {
        if (field.kind() != Kind.CHECKBOXES && field.kind() != Kind.SELECT) {
            return field.options();
        }
        List<FormField.Option> options = new ArrayList<>(field.options());
        values.stream().filter(v -> !v.isBlank() && options.stream().noneMatch(o -> o.code().equals(v)))
                .forEach(v -> options.add(new FormField.Option(v, v)));
        return options;
    }

    private static List<String> normal(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).sorted().toList();
    }

    private static String display(FormField field, List<String> values) {
        if (values.isEmpty()) {
            return "—";
        }
        if (field.options().isEmpty()) {
            return String.join(", ", values);
        }
        return String.join(", ", field.options().stream().filter(o -> values.contains(o.code())).map(FormField.Option::name).toList());
    }

    /** A field's label by its JSON path; null when this form has no such field. */
    @Nullable
    String label(String path) {
        return fields.stream().filter(f -> f.name().equals(path)).map(FormField::label).findFirst().orElse(null);
    }

    @Nullable
    private FormField field(FieldError error) {
        String path = error.field() == null ? "" : error.field().replaceAll("\\[\\d+]$", "");
        for (FormField field : fields) {
            if (field.name().equals(path)) {
                return field;
            }
        }
        return null;
    }
}
