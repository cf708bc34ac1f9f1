package be.hulpwijzer.catalogue.report;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Actief wachtbeheer, as figures: per zone, life domain, module type and age band, how many modules,
 * how many with room now, the median and 90th percentile of the expected wait (days; room now counts
 * as 0; continuous percentiles), and how many are not confirmed for 30 days. Aggregates only: public.
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
    private static final String SQL = """
            with bands(band, lo, hi, sort) as (values ('zwangerschap', -9, -1, 0), ('0-3', 0, 47, 1), ('4-11', 48, 143, 2),
                                                 ('12-17', 144, 215, 3), ('18-25', 216, 311, 4)),
                 m as (select m.id, z.zone, m.life_domains, m.type, m.age_min_months, m.age_max_months, a.state,
                              case when a.state = 'free' then 0 when a.state = 'waiting' then a.expected_wait_days end as wait,
                              a.confirmed_at
                       from module m cross join lateral unnest(m.zones) as z(zone)
                       left join availability a on a.module_id = m.id
                       where m.status = 'active' and (cardinality(?::text[]) = 0 or z.zone = any(?::text[])))
            select m.zone, d.domain, m.type, b.band, count(*), count(*) filter (where m.state = 'free'),
                   percentile_cont(0.5) within group (order by m.wait), percentile_cont(0.9) within group (order by m.wait),
                   count(*) filter (where m.confirmed_at is null or m.confirmed_at < ?)
            from m cross join lateral unnest(m.life_domains) as d(domain)
            join bands b on m.age_min_months <= b.hi and coalesce(m.age_max_months, 100000) >= b.lo
            where (cardinality(?::text[]) = 0 or d.domain = any(?::text[]))
              and (cardinality(?::text[]) = 0 or m.type = any(?::text[]))
              and (cardinality(?::text[]) = 0 or b.band = any(?::text[]))
            group by m.zone, d.domain, m.type, b.band, b.sort
            order by m.zone, d.domain, m.type, b.sort""";

    private final JdbcOperations jdbc;
    private final ReferenceData reference;
    private final Clock clock;

    WaitingReportController(JdbcOperations jdbc, ReferenceData reference, Clock clock) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.clock = clock;
    }

    @Get
    @Connectable
    public List<Row> waiting(@Nullable @QueryValue List<String> zone, @Nullable @QueryValue String province,
                             @Nullable @QueryValue List<String> domain, @Nullable @QueryValue List<String> type,
                             @Nullable @QueryValue List<String> ageBand) {
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
        Timestamp staleBefore = Timestamp.from(clock.instant().minus(Duration.ofDays(30)));
        return jdbc.execute(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setArray(1, c.createArrayOf("text", zones.toArray()));
                ps.setArray(2, c.createArrayOf("text", zones.toArray()));
                ps.setTimestamp(3, staleBefore);
                ps.setArray(4, c.createArrayOf("text", domains.toArray()));
                ps.setArray(5, c.createArrayOf("text", domains.toArray()));
                ps.setArray(6, c.createArrayOf("text", types.toArray()));
                ps.setArray(7, c.createArrayOf("text", types.toArray()));
                ps.setArray(8, c.createArrayOf("text", bands.toArray()));
                ps.setArray(9, c.createArrayOf("text", bands.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                                rs.getInt(6), (Double) rs.getObject(7), (Double) rs.getObject(8), rs.getInt(9)));
                    }
                }
            }
            return rows;
        });
    }

    /** The same figures as CSV, for a spreadsheet or the IROJ's table. */
    @Get(value = "/csv", produces = "text/csv")
    @Connectable
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
        return io.micronaut.http.HttpResponse.ok(out.toString()).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"wachtbeheer.csv\"");
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
