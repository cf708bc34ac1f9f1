package be.hulpwijzer.catalogue.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a JSON request field by field and collects every problem, instead of stopping at the first:
 * an integrator sees all that is wrong with a request at once, each in words a person understands.
 */
public final class JsonFields {

    /** Trailing content after the object ("{...} garbage") makes a body malformed, not ignored. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Dates PostgreSQL and people can use: a year from 1900 to 9999. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    /** Control characters other than tab and line breaks: NUL cannot be stored, the others are never meant. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ./()-]{8,20}$");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s/$.?#].[^\\s]*$", Pattern.CASE_INSENSITIVE);

    private final JsonNode root;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonFields(JsonNode root, String prefix, List<FieldError> errors) {
        this.root = root;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** Parses a request body; malformed JSON or a body that is not an object ends here with a 400. */
    public static JsonFields parse(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("", "json.notObject", Messages.get("json.notObject"));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // where, not the parser's own words (which name its internals)
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw invalid("", "json.malformed", Messages.get("json.malformed", at == null ? 1 : at.getLineNr(),
                    at == null ? 1 : at.getColumnNr()));
        }
        if (node == null || !node.isObject()) {
            throw invalid("", "json.notObject", Messages.get("json.notObject"));
        }
        return new JsonFields(node, "", new ArrayList<>());
    }

    private static InvalidRequestException invalid(String field, String code, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, code, message)));
    }

    /** Records an error that is not about the shape of one field (e.g. two fields that disagree). */
    public void reject(String field, String code, Object... args) {
        errors.add(FieldError.of(path(field), code, args));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws the collected errors, if any. Call once, after reading every field. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Every field not in {@code known} is reported: a misspelt field must not be silently ignored. */
    public void allowOnly(Set<String> known) {
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                reject(name, "field.unknown", path(name));
            }
        }
    }

    public boolean has(String field) {
        return root.has(field) && !root.get(field).isNull();
    }

    public String text(String field, boolean required, int maxLength) {
        JsonNode node = node(field);
        if (node.isNull()) {
            if (required) {
                reject(field, "field.required", path(field));
            }
            return null;
        }
        if (!node.isTextual()) {
            reject(field, "field.notText", path(field));
            return null;
        }
        String value = node.textValue().strip();
        if (CONTROL.matcher(value).find()) {
            reject(field, "field.controlCharacters", path(field));
            return null;
        }
        if (value.isEmpty()) {
            if (required) {
                reject(field, "field.required", path(field));
            }
            return null;
        }
        if (value.length() > maxLength) {
            reject(field, "field.tooLong", path(field), maxLength, value.length());
            return null;
        }
        return value;
    }

    public String email(String field) {
        return matching(field, 254, EMAIL, "field.email");
    }

    public String phone(String field) {
        return matching(field, 40, PHONE, "field.phone");
    }

    public String url(String field) {
        return matching(field, 500, URL, "field.url");
    }

    private String matching(String field, int maxLength, Pattern pattern, String code) {
        String value = text(field, false, maxLength);
        if (value != null && !pattern.matcher(value).matches()) {
            reject(field, code, path(field));
            return null;
        }
        return value;
    }

    public Integer integer(String field, boolean required, long min, long max) {
        JsonNode node = node(field);
        if (node.isNull()) {
            if (required) {
                reject(field, "field.required", path(field));
            }
            return null;
        }
        if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            reject(field, "field.notInteger", path(field));
            return null;
        }
        if (!node.canConvertToLong() || node.asLong() < min) {
            reject(field, "field.belowMin", path(field), min);
            return null;
        }
        if (node.asLong() > max) {
            reject(field, "field.aboveMax", path(field), max);
            return null;
        }
        return (int) node.asLong();
    }

    public Long version(boolean required) {
        JsonNode node = node("version");
        if (node.isNull()) {
            if (required) {
                reject("version", "version.required");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            reject("version", "field.notInteger", path("version"));
            return null;
        }
        return node.asLong();
    }

    public Double decimal(String field, double min, double max) {
        JsonNode node = node(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            reject(field, "field.notNumber", path(field));
            return null;
        }
        double value = node.asDouble();
        if (value < min) {
            reject(field, "field.belowMin", path(field), min);
            return null;
        }
        if (value > max) {
            reject(field, "field.aboveMax", path(field), max);
            return null;
        }
        return value;
    }

    public boolean bool(String field, boolean defaultValue) {
        JsonNode node = node(field);
        if (node.isNull()) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            reject(field, "field.notBoolean", path(field));
            return defaultValue;
        }
        return node.booleanValue();
    }

    /** One value out of a fixed set of codes. */
    public String code(String field, boolean required, Collection<String> allowed) {
        String value = text(field, required, 100);
        if (value != null && !allowed.contains(value)) {
            reject(field, "field.unknownCode", path(field), value, String.join(", ", allowed));
            return null;
        }
        return value;
    }

    /**
     * A list of distinct codes, each accepted by {@code known}; an unknown one is reported with
     * {@code unknownMessage} (which gets the field and the code).
     */
    public List<String> codes(String field, boolean atLeastOne, Predicate<String> known, String unknownMessage) {
        List<String> values = strings(field, 100);
        if (values == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            if (!known.test(value)) {
                reject(field, unknownMessage, path(field), value);
            } else if (!distinct.add(value)) {
                reject(field, "field.duplicate", path(field), value);
            }
        }
        if (atLeastOne && values.isEmpty()) {
            reject(field, "field.empty", path(field));
        }
        return List.copyOf(distinct);
    }

    /** A list of ids (positive whole numbers), without repeats; empty when absent or wrong (the error is recorded). */
    public List<Long> ids(String field) {
        JsonNode node = node(field);
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            reject(field, "field.notList", path(field));
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.canConvertToLong() || !item.isIntegralNumber() || item.longValue() <= 0) {
                reject(field + "[" + i + "]", "field.notInteger", path(field + "[" + i + "]"));
            } else {
                ids.add(item.longValue());
            }
        }
        return List.copyOf(ids);
    }

    /** A list of texts; null when absent or wrong (the error is recorded). */
    public List<String> strings(String field, int maxLength) {
        JsonNode node = node(field);
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            reject(field, "field.notList", path(field));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = field + "[" + i + "]";
            if (!item.isTextual() || item.textValue().isBlank()) {
                reject(itemPath, "field.notText", path(itemPath));
            } else if (CONTROL.matcher(item.textValue()).find()) {
                reject(itemPath, "field.controlCharacters", path(itemPath));
            } else if (item.textValue().length() > maxLength) {
                reject(itemPath, "field.tooLong", path(itemPath), maxLength, item.textValue().length());
            } else {
                values.add(item.textValue().strip());
            }
        }
        return values;
    }

    public LocalDate date(String field, boolean required) {
        String value = text(field, required, 10);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                reject(field, "field.dateRange", path(field));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            reject(field, "field.notDate", path(field));
            return null;
        }
    }

    public Instant instant(String field) {
        String value = text(field, false, 40);
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            LocalDate day = LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
            if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
                reject(field, "field.dateRange", path(field));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            reject(field, "field.notInstant", path(field));
            return null;
        }
    }

    /** A nested object, read with the same error list; empty when absent. */
    public JsonFields object(String field) {
        JsonNode node = node(field);
        if (!node.isNull() && !node.isObject()) {
            reject(field, "field.notObject", path(field));
            node = NullNode.getInstance();
        }
        return new JsonFields(node.isNull() ? MAPPER.createObjectNode() : node, path(field) + ".", errors);
    }

    /** A field as sent, read without judging it (for a decision that must come before the checks). */
    public JsonNode peek(String field) {
        return node(field);
    }

    private JsonNode node(String field) {
        JsonNode node = root.get(field);
        return node == null ? NullNode.getInstance() : node;
    }

    private String path(String field) {
        return prefix + field;
    }
}
