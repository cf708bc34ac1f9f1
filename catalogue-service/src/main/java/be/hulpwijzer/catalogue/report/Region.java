package be.hulpwijzer.catalogue.report;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import io.micronaut.core.annotation.Nullable;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The region and period a report is about: a zone, a province, or everything; from one month through
 * another (inclusive). Unknown values give 400 naming the parameter.
 */
public record Region(String name, List<String> zones, YearMonth from, YearMonth to) {

    /** The longest period a report covers. */
    static final int MAX_MONTHS = 36;

    public static Region of(@Nullable String zone, @Nullable String province, @Nullable String from, @Nullable String to,
                            ReferenceData reference, YearMonth now) {
        List<FieldError> errors = new ArrayList<>();
        String name = Messages.get("region.all");
        List<String> zones = List.of();
        if (zone != null && !zone.isBlank()) {
            Zone known = reference.zonesByCode().get(zone.strip());
            if (known == null) {
                errors.add(new FieldError("zone", "field.unknownZone", Messages.get("field.unknownZone", "zone", zone)));
            } else {
                name = known.name();
                zones = List.of(known.code());
            }
        } else if (province != null && !province.isBlank()) {
            zones = reference.zones().stream().filter(z -> z.province().equalsIgnoreCase(province.strip())).map(Zone::code).toList();
            if (zones.isEmpty()) {
                errors.add(new FieldError("province", "report.unknownProvince", Messages.get("report.unknownProvince", province)));
            } else {
                name = reference.zonesByCode().get(zones.get(0)).province();
            }
        }
        YearMonth end = month(to, "to", now, errors);
        YearMonth start = month(from, "from", end.minusMonths(11), errors);
        if (errors.isEmpty() && start.isAfter(end)) {
            errors.add(new FieldError("from", "report.fromAfterTo", Messages.get("report.fromAfterTo", start, end)));
        } else if (errors.isEmpty() && start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
            errors.add(new FieldError("from", "report.tooLong", Messages.get("report.tooLong", MAX_MONTHS)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Region(name, zones, start, end);
    }

    /** Whether every zone counts (no zone or province chosen). */
    public boolean everywhere() {
        return zones.isEmpty();
    }

    private static YearMonth month(@Nullable String value, String name, YearMonth fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "report.month", Messages.get("report.month", name)));
            return fallback;
        }
    }
}
