package be.hulpwijzer.indexer.benchmark;

import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.search.SearchParameters;
import be.hulpwijzer.indexer.search.Searcher;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.seed.demo.CatalogueLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.convert.value.MutableConvertibleMultiValuesMap;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator, not a test: on a generated catalogue (default 10,000 organisations / 100,000 modules;
 * -Dbenchmark.organisations, -Dbenchmark.modules) it measures search latency against PostgreSQL full-text
 * search on the same data as baseline, and update-to-visible time under a steady stream of availability
 * updates against the update's own commit time. Writes target/benchmarks/search.md.
 * Run: mvn -B -pl indexer -am test -Dbenchmark -Dtest=SearchBenchmark
 */
@Tag("benchmark")
class SearchBenchmark {

    private static final String[][] SEARCHES = {
            {"q", "angst 15 jaar Brugge"}, {"q", "begeleiding"}, {"q", "CGG"}, {"q", "thuisbegeleiding jongeren"},
            {"q", "autisme", "availableNow", "true"}, {"zone", "westhoek", "domain", "psychisch-welzijn"},
            {"q", "crisisopvang", "sort", "wait"}, {"q", "budgetbegeleiding schulden"}};
    private static final int SEARCH_ROUNDS = 300;
    private static final int UPDATES = 600;
    private static final long UPDATE_EVERY_NANOS = Duration.ofMillis(20).toNanos(); // 50 updates a second

    @Test
    void measure() throws Exception {
        int organisations = Integer.getInteger("benchmark.organisations", 10_000);
        int modules = Integer.getInteger("benchmark.modules", 100_000);
        Map<String, Object> properties = new HashMap<>(new SearchTest() { }.getProperties());
        StringBuilder report = new StringBuilder("# Search benchmark\n\nCatalogue: %,d organisations, %,d modules (generated, seed 3). %s, %d cores.\n\n"
                .formatted(organisations, modules, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors()));

        try (ApplicationContext setup = ApplicationContext.run(properties, "test")) {
            DataSource dataSource = dataSource(setup);
            long start = System.nanoTime();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("truncate organisation, method restart identity cascade");
                CatalogueLoader.load(c, new CatalogueLoader.Size(organisations, modules, false), 3L, Instant.now());
                st.execute("create index if not exists benchmark_fts on module using gin "
                        + "(to_tsvector('dutch', title || ' ' || description))");
                st.execute("analyze");
            }
            report.append("Load with COPY: %.1f s\n\n".formatted(seconds(start)));
        }
        properties.put("hulpwijzer.index-dir", Files.createTempDirectory("hulpwijzer-bench-index").toString());
        long start = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            IndexManager indexes = context.getBean(IndexManager.class);
            if (!indexes.awaitCaughtUp(Duration.ofMinutes(30))) {
                throw new IllegalStateException("index not built in 30 minutes");
            }
            report.append("Index rebuilt from PostgreSQL at start-up: %.1f s\n\n".formatted(seconds(start)));
            searchLatency(context, report);
            freshness(context, report);
        }
        Path out = Path.of("target/benchmarks/search.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static void searchLatency(ApplicationContext context, StringBuilder report) throws Exception {
        Searcher searcher = context.getBean(Searcher.class);
        SearchParameters parameters = context.getBean(SearchParameters.class);
        IndexManager indexes = context.getBean(IndexManager.class);
        DataSource dataSource = dataSource(context);
        report.append("## Search latency (one thread, %d rounds after %d warm-up rounds)\n\n".formatted(SEARCH_ROUNDS, SEARCH_ROUNDS / 3))
                .append("Baseline: PostgreSQL full-text search (`to_tsvector('dutch')` with a GIN index, same text, first 20 by rank, with total count).\n\n")
                .append("| search | Lucene hits | Lucene p50 ms | Lucene p99 ms | PG FTS hits | PG FTS p50 ms | ratio p50 (PG / Lucene) |\n|---|---|---|---|---|---|---|\n");
        List<Long> allLucene = new ArrayList<>();
        for (String[] search : SEARCHES) {
            MutableConvertibleMultiValuesMap<String> values = new MutableConvertibleMultiValuesMap<>();
            for (int i = 0; i < search.length; i += 2) {
                values.add(search[i], search[i + 1]);
            }
            SearchParameters.Parsed parsed = parameters.parse(values);
            long[] lucene = new long[SEARCH_ROUNDS];
            long[] postgres = new long[SEARCH_ROUNDS];
            String text = values.get("q") == null ? "" : values.get("q");
            long luceneHits = 0;
            long postgresHits = 0;
            try (Connection c = dataSource.getConnection(); PreparedStatement fts = c.prepareStatement("""
                    select id, count(*) over () from module
                    where to_tsvector('dutch', title || ' ' || description) @@ plainto_tsquery('dutch', ?)
                    order by ts_rank(to_tsvector('dutch', title || ' ' || description), plainto_tsquery('dutch', ?)) desc
                    limit 20""")) {
                for (int round = -SEARCH_ROUNDS / 3; round < SEARCH_ROUNDS; round++) {
                    long t0 = System.nanoTime();
                    luceneHits = searcher.search(indexes.current().orElseThrow(), parsed.request(), parsed.understood(),
                            Instant.now()).total();
                    long t1 = System.nanoTime();
                    fts.setString(1, text);
                    fts.setString(2, text);
                    postgresHits = 0;
                    try (ResultSet rs = fts.executeQuery()) {
                        while (rs.next()) {
                            postgresHits = rs.getLong(2);
                        }
                    }
                    long t2 = System.nanoTime();
                    if (round >= 0) {
                        lucene[round] = t1 - t0;
                        postgres[round] = t2 - t1;
                        allLucene.add(t1 - t0);
                    }
                }
            }
            Arrays.sort(lucene);
            Arrays.sort(postgres);
            report.append("| `%s` | %,d | %.2f | %.2f | %,d | %.2f | %.1f× |\n".formatted(String.join(" ", search), luceneHits,
                    ms(lucene, 0.5), ms(lucene, 0.99), postgresHits, ms(postgres, 0.5), ms(postgres, 0.5) / ms(lucene, 0.5)));
        }
        long[] all = allLucene.stream().mapToLong(Long::longValue).sorted().toArray();
        report.append("\nAll searches: p50 %.2f ms, p99 %.2f ms.\n\n".formatted(ms(all, 0.5), ms(all, 0.99)));
    }

    private static void freshness(ApplicationContext context, StringBuilder report) throws Exception {
        IndexManager indexes = context.getBean(IndexManager.class);
        long[] visible = new long[UPDATES];
        long[] commit = new long[UPDATES];
        try (Connection c = dataSource(context).getConnection();
             PreparedStatement update = c.prepareStatement("update availability set expected_wait_days = ?, state = 'waiting' "
                     + "where module_id = (select min(id) from module) + ?")) {
            long next = System.nanoTime();
            for (int i = 0; i < UPDATES; i++) {
                LockSupport.parkNanos(next - System.nanoTime()); // a steady stream: one update every 20 ms
                next += UPDATE_EVERY_NANOS;
                update.setInt(1, i % 200);
                update.setInt(2, (i * 7919) % 5000);
                long t0 = System.nanoTime();
                update.executeUpdate(); // auto-commit: committed when it returns
                long t1 = System.nanoTime();
                if (!indexes.awaitCaughtUp(Duration.ofSeconds(10))) {
                    throw new IllegalStateException("update " + i + " not visible within 10 s");
                }
                visible[i] = System.nanoTime() - t1;
                commit[i] = t1 - t0;
            }
        }
        Arrays.sort(visible);
        Arrays.sort(commit);
        Map<String, long[]> rows = new LinkedHashMap<>();
        rows.put("commit of the update in PostgreSQL (baseline)", commit);
        rows.put("update committed → visible in search", visible);
        report.append("## Update-to-visible (%d availability updates, 50 a second)\n\n".formatted(UPDATES))
                .append("| | p50 ms | p99 ms | max ms |\n|---|---|---|---|\n");
        rows.forEach((name, v) -> report.append("| %s | %.1f | %.1f | %.1f |\n".formatted(name, ms(v, 0.5), ms(v, 0.99), ms(v, 1.0))));
        report.append("\nRatio visible / commit at p50: %.1f×. Targets: p50 ≤ 100 ms, p99 ≤ 1,000 ms.\n"
                .formatted(ms(visible, 0.5) / ms(commit, 0.5)));
    }

    private static DataSource dataSource(ApplicationContext context) {
        return context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
    }

    private static double ms(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
