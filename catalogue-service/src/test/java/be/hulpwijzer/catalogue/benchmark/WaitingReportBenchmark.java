package be.hulpwijzer.catalogue.benchmark;

import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.catalogue.report.PeriodFigures;
import be.hulpwijzer.catalogue.report.Region;
import be.hulpwijzer.catalogue.report.WaitingFigures;
import be.hulpwijzer.catalogue.testing.TestDatabase;
import be.hulpwijzer.seed.demo.CatalogueLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A load generator, not a test: on a generated catalogue with a year of availability history (default
 * 10,000 organisations / 100,000 modules; -Dbenchmark.organisations, -Dbenchmark.modules) it times the
 * waiting report read from the precomputed figures against the same figures computed on request (the
 * query the report ran before, kept here as the baseline), the refresh that precomputes them, and the
 * period report's own queries. Writes target/benchmarks/reports.md.
 * Run: mvn -B install -DskipTests && mvn -B test -pl catalogue-service -Dbenchmark -Dtest=WaitingReportBenchmark
 */
@Tag("benchmark")
class WaitingReportBenchmark {

    private static final int RUNS = 5;
    /** The waiting report as computed on every request before the figures were precomputed. */
    private static final String ON_REQUEST = """
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
                   count(*) filter (where m.confirmed_at is null or m.confirmed_at < now() - interval '30 days')
            from m cross join lateral unnest(m.life_domains) as d(domain)
            join bands b on m.age_min_months <= b.hi and coalesce(m.age_max_months, 100000) >= b.lo
            group by m.zone, d.domain, m.type, b.band, b.sort
            order by m.zone, d.domain, m.type, b.sort""";

    @Test
    void measure() throws Exception {
        int organisations = Integer.getInteger("benchmark.organisations", 10_000);
        int modules = Integer.getInteger("benchmark.modules", 100_000);
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("hulpwijzer.reports.refresh", "false");
        StringBuilder report = new StringBuilder("# Waiting report benchmark\n\nCatalogue: %,d organisations, %,d modules with a year of availability history (generated, seed 5). %s, %d cores.\n\n"
                .formatted(organisations, modules, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors()));
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            long start = System.nanoTime();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("truncate organisation, method restart identity cascade");
                CatalogueLoader.load(c, new CatalogueLoader.Size(organisations, modules, true), 5L, Instant.now());
                st.execute("analyze");
            }
            report.append("Load with COPY: %.1f s\n\n".formatted((System.nanoTime() - start) / 1e9));
            WaitingFigures figures = context.getBean(WaitingFigures.class);
            PeriodFigures period = context.getBean(PeriodFigures.class);
            ReferenceData reference = context.getBean(ReferenceData.class);
            List<String> westVlaanderen = reference.zones().stream().filter(z -> z.province().equals("West-Vlaanderen")).map(Zone::code).toList();

            double refresh = median(() -> figures.refresh().toNanos() / 1e6);
            report.append("Refresh of the precomputed figures (in the background after changes): median %.0f ms of %d\n\n"
                    .formatted(refresh, RUNS));
            report.append("| waiting report | computed on request (baseline) ms | read precomputed ms | ratio |\n|---|---:|---:|---:|\n");
            Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
            filters.put("all zones", List.of());
            filters.put("province West-Vlaanderen", westVlaanderen);
            filters.put("zone brugge", List.of("brugge"));
            for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
                double baseline = median(() -> onRequest(dataSource, filter.getValue()));
                double read = median(() -> {
                    long t = System.nanoTime();
                    figures.rows(filter.getValue(), List.of(), List.of(), List.of());
                    return (System.nanoTime() - t) / 1e6;
                });
                report.append("| %s | %.0f | %.1f | %.0f× |\n".formatted(filter.getKey(), baseline, read, baseline / read));
            }
            report.append("\n| period report part | ms (median of %d) |\n|---|---:|\n".formatted(RUNS));
            YearMonth now = YearMonth.now();
            for (Region region : List.of(Region.of("brugge", null, null, null, reference, now),
                    Region.of(null, "West-Vlaanderen", null, null, reference, now))) {
                report.append("| trend by month, 12 months, %s | %.0f |\n".formatted(region.name(), median(() -> time(() -> period.months(region)))));
                report.append("| totals, %s | %.0f |\n".formatted(region.name(), median(() -> time(() -> period.totals(region)))));
                report.append("| heat map cells, %s | %.1f |\n".formatted(region.name(), median(() -> time(() -> figures.cells(region.zones())))));
            }
        }
        Path out = Path.of("target/benchmarks/reports.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static double onRequest(DataSource dataSource, List<String> zones) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ON_REQUEST)) {
            ps.setArray(1, c.createArrayOf("text", zones.toArray()));
            ps.setArray(2, c.createArrayOf("text", zones.toArray()));
            long t = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
            return (System.nanoTime() - t) / 1e6;
        }
    }

    private static double time(Callable<?> work) throws Exception {
        long t = System.nanoTime();
        work.call();
        return (System.nanoTime() - t) / 1e6;
    }

    /** One warm-up, then the median of {@link #RUNS} runs. */
    private static double median(Callable<Double> run) throws Exception {
        run.call();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            times.add(run.call());
        }
        Collections.sort(times);
        return times.get(RUNS / 2);
    }
}
