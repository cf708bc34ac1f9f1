package be.hulpwijzer.web.audit;

import be.hulpwijzer.catalogue.audit.AuditController.Change;
import be.hulpwijzer.catalogue.method.Method;
import be.hulpwijzer.catalogue.method.MethodRepository;
import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.Languages;
import be.hulpwijzer.catalogue.reference.Municipality;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A change of the audit log in words: its entry by title, and per field its label with the old and new
 * value as people say them ("Wachttijd: 6 weken → 10 weken"). Lists are compared as sets, so reordering
 * life domains is no change; bookkeeping columns are left out.
 */
@Singleton
class AuditWording {

    /** One field that changed, in words. */
    record Line(String label, String before, String after, @Nullable String only) {
    }

    /** Columns every change touches or that mean nothing to a reader. */
    private static final Set<String> IGNORED = Set.of("id", "version", "updated_at", "created_at", "token_hash", "organisation_id",
            "module_id", "demo", "confirmed_by", "confirmed_at");
    private static final Set<String> SETS = Set.of("life_domains", "zones", "methods", "languages", "organisations");
    private static final int VALUE_LENGTH = 120;

    private final ReferenceData reference;
    private final MethodRepository methods;

    AuditWording(ReferenceData reference, MethodRepository methods) {
        this.reference = reference;
        this.methods = methods;
    }

    /** "Gewijzigd · module Angstbegeleiding"; an availability is named by its module's title. */
    String what(Change change, Map<Long, String> moduleTitles) {
        JsonNode row = change.after() != null ? change.after() : change.before();
        String title = row == null ? null : text(row, "title", text(row, "name", text(row, "label", text(row, "email", null))));
        if ("availability".equals(change.entity())) {
            title = moduleTitles.get(Long.parseLong(change.entityId()));
        }
        String entry = Texts.get("auditEntity." + change.entity()) + " " + (title == null ? change.entityId() : "«" + title + "»");
        if (isConfirmation(change)) {
            return Texts.get("auditConfirmed") + " · " + entry;
        }
        return Texts.get("audit." + change.action()) + " · " + entry;
    }

    /** A "nog steeds correct": only the confirmation moved. */
    static boolean isConfirmation(Change change) {
        return "availability".equals(change.entity()) && "UPDATE".equals(change.action())
                && changed(change.before(), change.after()).stream().allMatch(IGNORED::contains);
    }

    /**
     * The fields that differ, in words; none for a confirmation (its line says it all). A new or deleted
     * entry shows its values once, without arrows, and leaves out what is empty.
     */
    List<Line> lines(Change change) {
        if (isConfirmation(change)) {
            return List.of();
        }
        boolean once = !"UPDATE".equals(change.action());
        List<Line> lines = new ArrayList<>();
        for (String field : changed(change.before(), change.after())) {
            String before = value(field, change.before());
            String after = value(field, change.after());
            if (!IGNORED.contains(field) && !(once && "–".equals(after) && "–".equals(before))) {
                lines.add(new Line(label(field), before, after, once ? ("DELETE".equals(change.action()) ? before : after) : null));
            }
        }
        return lines;
    }

    /** Whether the change is worth a line: a confirmation, or a field a reader would notice (not a reordering). */
    boolean worthShowing(Change change) {
        return isConfirmation(change) || !"UPDATE".equals(change.action()) || !lines(change).isEmpty();
    }

    private static List<String> changed(@Nullable JsonNode before, @Nullable JsonNode after) {
        Set<String> names = new TreeSet<>();
        for (JsonNode node : new JsonNode[]{before, after}) {
            if (node != null) {
                Iterator<String> it = node.fieldNames();
                it.forEachRemaining(names::add);
            }
        }
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!comparable(name, before).equals(comparable(name, after))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** A field's value for comparing: lists as sorted sets, nothing as nothing. */
    private static Object comparable(String name, @Nullable JsonNode row) {
        JsonNode value = row == null ? null : row.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            Set<String> items = new TreeSet<>();
            value.forEach(v -> items.add(v.asText()));
            return items;
        }
        return value.asText();
    }

    private static String label(String field) {
        String key = "auditField." + field;
        return Texts.has(key) ? Texts.get(key) : field;
    }

    private String value(String field, @Nullable JsonNode row) {
        JsonNode value = row == null ? null : row.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            return "–";
        }
        if (value.isArray()) {
            Set<String> items = new LinkedHashSet<>();
            value.forEach(v -> items.add(name(field, v.asText())));
            return items.isEmpty() ? "–" : items.stream().sorted().collect(Collectors.joining(", "));
        }
        if (value.isBoolean()) {
            return Texts.get(value.asBoolean() ? "yes" : "no");
        }
        String text = switch (field) {
            case "expected_wait_days", "expected_first_contact_days", "response_time_days" -> weeksOrDays(value.asInt());
            case "age_min_months", "age_max_months" -> Dutch.age(value.asInt());
            case "confirmed_at", "verified_at", "revoked_at" -> Dutch.dateTime(OffsetDateTime.parse(value.asText()).toInstant());
            case "valid_from", "valid_to" -> Dutch.date(LocalDate.parse(value.asText()));
            default -> name(field, value.asText());
        };
        return text.length() <= VALUE_LENGTH ? text : text.substring(0, VALUE_LENGTH) + "…";
    }

    /** A code by its name in the vocabulary the field uses; anything else as it is. */
    private String name(String field, String code) {
        return switch (field) {
            case "state" -> Texts.get("state." + code);
            case "setting" -> Texts.get("setting." + code);
            case "access" -> Texts.get("access." + code);
            case "status" -> Texts.has("moduleStatus." + code) ? Texts.get("moduleStatus." + code) : code;
            case "type" -> CodeName.nameOf(reference.moduleTypes(), code);
            case "sector" -> CodeName.nameOf(reference.sectors(), code);
            case "life_domains" -> CodeName.nameOf(reference.lifeDomains(), code);
            case "zones" -> byCode(reference.zonesByCode(), Zone::name, code);
            case "nis_code" -> byCode(reference.municipalitiesByNis(), Municipality::name, code);
            case "languages" -> Languages.name(code);
            case "methods" -> methods.findByCode(code).map(Method::name).orElse(code);
            default -> code;
        };
    }

    private static <T> String byCode(Map<String, T> known, Function<T, String> name, String code) {
        T found = known.get(code);
        return found == null ? code : name.apply(found);
    }

    /** "6 weken" when whole weeks from two weeks on, else "10 dagen". */
    static String weeksOrDays(int days) {
        return days >= 14 && days % 7 == 0 ? Texts.get("weeks", days / 7) : Texts.get("days", days);
    }

    @Nullable
    private static String text(JsonNode row, String field, @Nullable String otherwise) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? otherwise : value.asText();
    }
}
