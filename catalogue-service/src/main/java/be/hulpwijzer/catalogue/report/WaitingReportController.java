package be.hulpwijzer.catalogue.report;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Actief wachtbeheer, as figures: per zone, life domain, module type and age band, how many modules,
 * how many with room now, the median and 90th percentile of the expected wait (days; room now counts
 * as 0; continuous percentiles), and how many are not confirmed for 30 days. Aggregates only: public.
 * Read from the precomputed {@link WaitingFigures}; {@code Last-Modified} says when they were computed.
 */
@Controller("/api/v1/reports/waiting")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class WaitingReportController {

    /** One cell of the overview. */
    public record Row(String zone, String lifeDomain, String type, String ageBand, int modules, int freeNow,
                      @Nullable Double medianWaitDays, @Nullable Double p90WaitDays, int stale) {
    }

    static final List<String> BANDS = List.of("zwangerschap", "0-3", "4-11", "12-17", "18-25");

    private final WaitingFigures figures;
    private final ReferenceData reference;

    WaitingReportController(WaitingFigures figures, ReferenceData reference) {
        this.figures = figures;
        this.reference = reference;
    }

    @Get
    io.micronaut.http.HttpResponse<List<Row>> json(@Nullable @QueryValue List<String> zone, @Nullable @QueryValue String province,
                                                   @Nullable @QueryValue List<String> domain, @Nullable @QueryValue List<String> type,
                                                   @Nullable @QueryValue List<String> ageBand) {
        return dated(io.micronaut.http.HttpResponse.ok(waiting(zone, province, domain, type, ageBand)));
    }

    /** The rows for these filters (400 naming any unknown value). */
    public List<Row> waiting(@Nullable List<String> zone, @Nullable String province, @Nullable List<String> domain,
                             @Nullable List<String> type, @Nullable List<String> ageBand) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> zones = new LinkedHashSet<>(check("zone", zone, reference::isZone, errors));
        if (province != null && !province.isBlank()) {
            List<String> ofProvince = reference.zones().stream().filter(z -> z.province().equalsIgnoreCase(province.strip()))
                    .map(Zone::code).toList();
            if (ofProvince.isEmpty()) {
                errors.add(new FieldError("province", "report.unknownProvince", Messages.get("report.unknownProvince", province)));
            }
            zones.addAll(ofProvince);
        }
        List<String> domains = check("domain", domain, reference.codes(reference.lifeDomains())::contains, errors);
        List<String> types = check("type", type, reference.codes(reference.moduleTypes())::contains, errors);
        List<String> bands = check("ageBand", ageBand, BANDS::contains, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return figures.rows(zones, domains, types, bands);
    }

    /** The same figures as CSV, for a spreadsheet or the IROJ's table. */
    @Get(value = "/csv", produces = "text/csv")
    public io.micronaut.http.HttpResponse<String> csv(@Nullable @QueryValue List<String> zone, @Nullable @QueryValue String province,
                                                      @Nullable @QueryValue List<String> domain, @Nullable @QueryValue List<String> type,
                                                      @Nullable @QueryValue List<String> ageBand) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            csv.printRecord("zone", "life_domain", "type", "age_band", "modules", "free_now", "median_wait_days",
                    "p90_wait_days", "stale");
            for (Row row : waiting(zone, province, domain, type, ageBand)) {
                csv.printRecord(row.zone(), row.lifeDomain(), row.type(), row.ageBand(), row.modules(), row.freeNow(),
                        row.medianWaitDays(), row.p90WaitDays(), row.stale());
            }
        }
        return dated(io.micronaut.http.HttpResponse.ok(out.toString()).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"wachtbeheer.csv\""));
    }

    private <T> io.micronaut.http.MutableHttpResponse<T> dated(io.micronaut.http.MutableHttpResponse<T> response) {
        java.time.Instant computed = figures.computedAt();
        return computed == null ? response : response.header(io.micronaut.http.HttpHeaders.LAST_MODIFIED,
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(computed.atZone(java.time.ZoneOffset.UTC)));
    }

    private static List<String> check(String name, List<String> values, java.util.function.Predicate<String> known,
                                      List<FieldError> errors) {
        if (values == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (known.test(value.strip())) {
                kept.add(value.strip());
            } else {
                errors.add(new FieldError(name, "field.unknownCode", Messages.get("field.unknownCode", name, value,
                        name.equals("ageBand") ? String.join(", ", BANDS) : "zie /api/v1/reference")));
            }
        }
        return kept;
    }
}
