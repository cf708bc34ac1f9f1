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
 * search with the same filters and facets (GROUP BY) on the same data as baseline, HTTP JSON latency and
 * throughput under an open-loop load, update-to-visible time under a steady stream of availability updates
 * against the update's own commit time, and memory. Writes target/benchmarks/search.md.
 * Run: mvn -B -pl indexer -am test -Dbenchmark -Dtest=SearchBenchmark
 */
@Tag("benchmark")
class SearchBenchmark {

    /** Text with filters and facets; filters only; browse-all with facets (the empty search). */
    private static final String[][] SEARCHES = {
            {"q", "angst 15 jaar Brugge"}, {"q", "begeleiding"}, {"q", "CGG"}, {"q", "thuisbegeleiding jongeren"},
            {"q", "autisme", "availableNow", "true"}, {"zone", "westhoek", "domain", "psychisch-welzijn"},
            {"q", "crisisopvang", "sort", "wait"}, {"q", "budgetbegeleiding schulden"}, {}};
    private static final int SEARCH_ROUNDS = Integer.getInteger("benchmark.rounds", 300);
    /** The baseline is slow on large catalogues: fewer rounds (its p99 is then close to its maximum). */
    private static final int BASELINE_ROUNDS = 30;
    private static final int COLD_ROUNDS = Integer.getInteger("benchmark.coldRounds", 50);
    private static final int UPDATES = 400;
    private static final long UPDATE_EVERY_NANOS = Duration.ofMillis(50).toNanos(); // 20 updates a second

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
        properties.put("hulpwijzer.index-dir", be.hulpwijzer.catalogue.testing.TemporaryDirectories.create("hulpwijzer-bench-index").toString());
        long start = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).environments("test").start()) {
            IndexManager indexes = context.getBean(IndexManager.class);
            if (!indexes.awaitCaughtUp(Duration.ofMinutes(30))) {
                throw new IllegalStateException("index not built in 30 minutes");
            }
            report.append("Index rebuilt from PostgreSQL at start-up: %.1f s\n\n".formatted(seconds(start)));
            // -Dbenchmark.parts=latency (for instance) runs only some parts, to try a change quickly
            List<String> parts = List.of(System.getProperty("benchmark.parts", "latency,mix,http,hostile,freshness,memory").split(","));
            // the report is written after each part: a part that fails leaves the figures of the others
            if (parts.contains("latency")) {
                searchLatency(context, report);
                write(report);
            }
            if (parts.contains("mix")) {
                mixedLatency(context, report);
                write(report);
            }
            if (parts.contains("http")) {
                httpLoad(context, report);
                write(report);
            }
            if (parts.contains("hostile")) {
                hostileLoad(context, report);
                write(report);
            }
            if (parts.contains("freshness")) {
                freshness(context, report);
                write(report);
            }
            if (parts.contains("memory")) {
                memory(context, properties.get("hulpwijzer.index-dir").toString(), report);
                write(report);
            }
        }
        System.out.println(report);
    }

    private static void write(StringBuilder report) throws java.io.IOException {
        Path out = Path.of("target/benchmarks/search.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** The bytes of the files under a directory; a file deleted meanwhile (a merge ends) counts nothing. */
    private static long directoryBytes(java.io.File directory) {
        java.io.File[] files = directory.listFiles();
        long bytes = 0;
        for (java.io.File file : files == null ? new java.io.File[0] : files) {
            bytes += file.isDirectory() ? directoryBytes(file) : file.length();
        }
        return bytes;
    }

    private static void searchLatency(ApplicationContext context, StringBuilder report) throws Exception {
        Searcher searcher = context.getBean(Searcher.class);
        SearchParameters parameters = context.getBean(SearchParameters.class);
        IndexManager indexes = context.getBean(IndexManager.class);
        DataSource dataSource = dataSource(context);
        report.append("## Search latency (one thread, %d rounds after %d warm-up rounds)\n\n".formatted(SEARCH_ROUNDS, SEARCH_ROUNDS / 3))
                .append("Baseline: PostgreSQL full-text search (`to_tsvector('dutch')` with a GIN index, same text and the same zone, "
                        + "life domain and room-now filters, first 20 by rank, total, facet counts for zone, life domain and type by "
                        + "GROUP BY), %d rounds after 5 warm-up rounds.\n\n".formatted(BASELINE_ROUNDS))
                .append("Lucene: the same search again and again, answered from the kept walks and kept rankings of the large "
                        + "segments, the searcher's weights and the remembered snippets, stored fields and engagements (as a popular "
                        + "search is). Lucene first time: the same search with all of that forgotten before it "
                        + "(`SearchIndex.forgetKept`, `Searcher.forgetRemembered`), as a search never seen before, %d rounds.\n\n"
                        .formatted(COLD_ROUNDS))
                .append("| search | Lucene hits | Lucene p50 ms | Lucene p99 ms | first time p50 ms | first time p99 ms | PG FTS hits | PG FTS p50 ms | PG FTS p99 ms | ratio p50 | ratio p99 |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<Long> allLucene = new ArrayList<>();
        for (String[] search : SEARCHES) {
            MutableConvertibleMultiValuesMap<String> values = new MutableConvertibleMultiValuesMap<>();
            for (int i = 0; i < search.length; i += 2) {
                values.add(search[i], search[i + 1]);
            }
            SearchParameters.Parsed parsed = parameters.parse(values);
            long[] lucene = new long[SEARCH_ROUNDS];
            long[] postgres = new long[BASELINE_ROUNDS];
            String text = values.get("q") == null ? "" : values.get("q");
            long luceneHits = 0;
            long postgresHits = 0;
            for (int round = -SEARCH_ROUNDS / 3; round < SEARCH_ROUNDS; round++) {
                long t0 = System.nanoTime();
                luceneHits = searcher.search(indexes.current().orElseThrow(), parsed.request(), parsed.understood(),
                        Instant.now()).total();
                if (round >= 0) {
                    lucene[round] = System.nanoTime() - t0;
                    allLucene.add(lucene[round]);
                }
            }
            long[] cold = new long[COLD_ROUNDS];
            for (int round = 0; round < COLD_ROUNDS; round++) {
                indexes.current().orElseThrow().forgetKept();
                searcher.forgetRemembered();
                long t0 = System.nanoTime();
                searcher.search(indexes.current().orElseThrow(), parsed.request(), parsed.understood(), Instant.now());
                cold[round] = System.nanoTime() - t0;
            }
            Arrays.sort(cold);
            List<String> zones = values.getAll("zone");
            List<String> domains = values.getAll("domain");
            boolean availableNow = "true".equals(values.get("availableNow"));
            try (FtsBaseline fts = new FtsBaseline(dataSource.getConnection())) {
                for (int round = -5; round < (Boolean.getBoolean("benchmark.noBaseline") ? -5 : BASELINE_ROUNDS); round++) {
                    long t0 = System.nanoTime();
                    postgresHits = fts.search(text, zones, domains, availableNow);
                    if (round >= 0) {
                        postgres[round] = System.nanoTime() - t0;
                    }
                }
            }
            Arrays.sort(lucene);
            Arrays.sort(postgres);
            report.append("| `%s` | %,d | %.2f | %.2f | %.2f | %.2f | %,d | %.2f | %.2f | %.1f× | %.1f× |\n".formatted(
                    search.length == 0 ? "(browse all)" : String.join(" ", search), luceneHits, ms(lucene, 0.5), ms(lucene, 0.99),
                    ms(cold, 0.5), ms(cold, 0.99), postgresHits, ms(postgres, 0.5), ms(postgres, 0.99), ms(postgres, 0.5) / ms(lucene, 0.5),
                    ms(postgres, 0.99) / ms(lucene, 0.99)));
        }
        long[] all = allLucene.stream().mapToLong(Long::longValue).sorted().toArray();
        report.append("\nAll searches: p50 %.2f ms, p99 %.2f ms, mean %.2f ms.\n\n".formatted(ms(all, 0.5), ms(all, 0.99),
                Arrays.stream(all).average().orElse(0) / 1e6));
    }

    /**
     * A seeded mix of 1,000 different searches (words, zone, life domain, age, room now), drawn 3,000 times with
     * Zipf-distributed popularity (the first a thousand times as often as the last), from no kept walks.
     */
    private static void mixedLatency(ApplicationContext context, StringBuilder report) throws Exception {
        Searcher searcher = context.getBean(Searcher.class);
        SearchParameters parameters = context.getBean(SearchParameters.class);
        IndexManager indexes = context.getBean(IndexManager.class);
        java.util.Random random = new java.util.Random(42);
        List<SearchParameters.Parsed> distinct = new ArrayList<>();
        for (MutableConvertibleMultiValuesMap<String> values : mixOfSearches(context, random)) {
            distinct.add(parameters.parse(values));
        }
        indexes.current().orElseThrow().forgetKept();
        searcher.forgetRemembered();
        long[] times = new long[3000];
        int[] picks = zipfDraws(distinct.size(), times.length, random);
        for (int round = 0; round < times.length; round++) {
            SearchParameters.Parsed parsed = distinct.get(picks[round]);
            long t0 = System.nanoTime();
            searcher.search(indexes.current().orElseThrow(), parsed.request(), parsed.understood(), Instant.now());
            times[round] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        report.append(("## A mix of searches (one thread)\n\n1,000 different searches (0–2 words, a zone half of the time, a life domain, "
                        + "an age, room now), drawn 3,000 times, popularity by Zipf's law (seed 42), from nothing kept: p50 %.2f ms, "
                        + "p99 %.2f ms, mean %.2f ms. Kept walks after the mix: %s.\n\n")
                .formatted(ms(times, 0.5), ms(times, 0.99), Arrays.stream(times).average().orElse(0) / 1e6,
                        indexes.current().orElseThrow().walks().usage()));
    }

    /** 1,000 different searches: 0–2 words, a zone half of the time, a life domain, an age, room now. */
    private static List<MutableConvertibleMultiValuesMap<String>> mixOfSearches(ApplicationContext context,
                                                                               java.util.Random random) {
        be.hulpwijzer.catalogue.reference.ReferenceData reference = context.getBean(be.hulpwijzer.catalogue.reference.ReferenceData.class);
        String[] words = {"angst", "begeleiding", "autisme", "crisisopvang", "budgetbegeleiding", "schulden",
                "thuisbegeleiding", "jongeren", "CGG", "CAW", "opvoeding", "depressie", "gezin", "verslaving", "school",
                "trauma", "ouders", "pleegzorg", "JAC", "psycholoog"};
        List<String> zones = reference.zones().stream().map(be.hulpwijzer.catalogue.reference.Zone::code).toList();
        List<String> domains = reference.lifeDomains().stream().map(be.hulpwijzer.catalogue.reference.CodeName::code).toList();
        List<MutableConvertibleMultiValuesMap<String>> distinct = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            MutableConvertibleMultiValuesMap<String> values = new MutableConvertibleMultiValuesMap<>();
            int n = random.nextInt(3);
            StringBuilder q = new StringBuilder();
            for (int w = 0; w < n; w++) {
                q.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            if (n > 0) {
                values.add("q", q.toString());
            }
            if (random.nextInt(2) == 0) {
                values.add("zone", zones.get(random.nextInt(zones.size())));
            }
            if (random.nextInt(10) < 3) {
                values.add("domain", domains.get(random.nextInt(domains.size())));
            }
            if (random.nextInt(10) < 4) {
                values.add("age", Integer.toString(random.nextInt(26)));
            }
            if (random.nextInt(5) == 0) {
                values.add("availableNow", "true");
            }
            distinct.add(values);
        }
        return distinct;
    }

    /** {@code count} picks among {@code n}, the i-th (from 0) with weight 1 / (i + 1). */
    private static int[] zipfDraws(int n, int count, java.util.Random random) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        int[] picks = new int[count];
        for (int i = 0; i < count; i++) {
            int pick = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            picks[i] = pick < 0 ? -pick - 1 : pick;
        }
        return picks;
    }

    /**
     * HTTP JSON searches under an open-loop load at increasing rates (-Dbenchmark.rates, after 5,000 requests of warm-up):
     * the nine searches above in turn (each repeated often: kept walks and rankings serve them), then the mix of
     * 1,000 searches by Zipf's law (many seldom repeated), from no kept walks.
     */
    private static void httpLoad(ApplicationContext context, StringBuilder report) throws Exception {
        io.micronaut.runtime.server.EmbeddedServer server = context.getBean(io.micronaut.runtime.server.EmbeddedServer.class);
        server.start();
        List<java.net.URI> targets = new ArrayList<>();
        for (String[] search : SEARCHES) {
            MutableConvertibleMultiValuesMap<String> values = new MutableConvertibleMultiValuesMap<>();
            for (int i = 0; i < search.length; i += 2) {
                values.add(search[i], search[i + 1]);
            }
            targets.add(uri(server, values));
        }
        OpenLoad.run(targets, 500, Duration.ofSeconds(10)); // 5,000 requests: the server's code compiled before measuring
        report.append("## HTTP JSON under an open-loop load (10 s per rate, latency from the scheduled start)\n\n");
        loadAtRates("The nine searches above in turn", targets, report);
        java.util.Random random = new java.util.Random(42);
        List<java.net.URI> distinct = new ArrayList<>();
        for (MutableConvertibleMultiValuesMap<String> values : mixOfSearches(context, random)) {
            distinct.add(uri(server, values));
        }
        List<java.net.URI> mix = new ArrayList<>();
        for (int pick : zipfDraws(distinct.size(), 20_000, random)) {
            mix.add(distinct.get(pick));
        }
        context.getBean(IndexManager.class).current().orElseThrow().forgetKept();
        context.getBean(Searcher.class).forgetRemembered();
        loadAtRates("The mix of 1,000 searches by Zipf's law (seed 42), from nothing kept", mix, report);
        report.append("Targets: HTTP p99 ≤ 20 ms at ≥ 1,000 searches/s. The load generator runs on the same 2 cores.\n\n");
    }

    /**
     * The hostile review's attack: eight clients each sending, as fast as answered, a search of one random
     * 10,000-letter word (never the same twice, so nothing remembered helps), for 30 s, while the nine
     * searches run under an open-loop load; against the same load without the attack, just before.
     */
    private static void hostileLoad(ApplicationContext context, StringBuilder report) throws Exception {
        io.micronaut.runtime.server.EmbeddedServer server = context.getBean(io.micronaut.runtime.server.EmbeddedServer.class);
        server.start();
        List<java.net.URI> normal = new ArrayList<>();
        for (String[] search : SEARCHES) {
            MutableConvertibleMultiValuesMap<String> values = new MutableConvertibleMultiValuesMap<>();
            for (int i = 0; i < search.length; i += 2) {
                values.add(search[i], search[i + 1]);
            }
            normal.add(uri(server, values));
        }
        int rate = Integer.getInteger("benchmark.hostileRate", 250);
        Duration length = Duration.ofSeconds(30);
        OpenLoad.run(normal, rate, Duration.ofSeconds(10)); // warm
        OpenLoad.Result quiet = OpenLoad.run(normal, rate, length);
        java.util.concurrent.atomic.AtomicBoolean attacking = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ConcurrentLinkedQueue<Long> hostileNanos = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ConcurrentHashMap<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> attackers = new ArrayList<>();
        for (int a = 0; a < 8; a++) {
            java.util.Random random = new java.util.Random(1000 + a);
            Thread attacker = new Thread(() -> {
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                while (attacking.get()) {
                    char[] word = new char[10_000];
                    for (int i = 0; i < word.length; i++) {
                        word[i] = (char) ('a' + random.nextInt(26));
                    }
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL()
                                + "/api/v1/search?q=" + new String(word))).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (java.io.IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        return;
                    }
                    hostileNanos.add(System.nanoTime() - start);
                    statuses.merge(status, 1, Integer::sum);
                }
            });
            attacker.start();
            attackers.add(attacker);
        }
        OpenLoad.Result attacked = OpenLoad.run(normal, rate, length);
        attacking.set(false);
        for (Thread attacker : attackers) {
            attacker.join();
        }
        long[] hostile = hostileNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        report.append("## Hostile texts: 8 clients sending one random 10,000-letter word each, as fast as answered, for 30 s\n\n")
                .append("The nine searches at %d/s, open loop, 30 s each:\n\n".formatted(rate))
                .append("| | sent | failed | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n")
                .append("| without the attack (baseline) | %,d | %d | %.1f | %.1f | %.1f |\n".formatted(quiet.sent(), quiet.failed(),
                        quiet.p50(), quiet.p99(), quiet.max()))
                .append("| during the attack | %,d | %d | %.1f | %.1f | %.1f |\n\n".formatted(attacked.sent(), attacked.failed(),
                        attacked.p50(), attacked.p99(), attacked.max()))
                .append("p99 during / without: %.2f. Hostile searches answered: %,d (statuses %s), p50 %.1f ms, p99 %.1f ms.\n\n"
                        .formatted(attacked.p99() / quiet.p99(), hostile.length, new java.util.TreeMap<>(statuses),
                                hostile.length == 0 ? 0 : hostile[hostile.length / 2] / 1e6,
                                hostile.length == 0 ? 0 : hostile[(int) Math.min(hostile.length - 1, hostile.length * 0.99)] / 1e6));
    }

    private static void loadAtRates(String title, List<java.net.URI> targets, StringBuilder report) throws Exception {
        report.append(title).append(":\n\n| rate /s | sent | failed | p50 ms | p99 ms | max ms | answered /s |\n|---|---|---|---|---|---|---|\n");
        for (String rate : System.getProperty("benchmark.rates", "250,500,1000").split(",")) {
            OpenLoad.Result r = OpenLoad.run(targets, Integer.parseInt(rate.strip()), Duration.ofSeconds(10));
            report.append("| %d | %,d | %d | %.1f | %.1f | %.1f | %.0f |\n".formatted(r.rate(), r.sent(), r.failed(), r.p50(), r.p99(),
                    r.max(), r.throughput()));
        }
        report.append("\n");
    }

    private static java.net.URI uri(io.micronaut.runtime.server.EmbeddedServer server,
                                    MutableConvertibleMultiValuesMap<String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, list) -> list.forEach(value -> query.append(query.isEmpty() ? "?" : "&").append(name)
                .append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))));
        return java.net.URI.create(server.getURL() + "/api/v1/search" + query);
    }

    /**
     * Resident memory of this JVM (application, index readers, load generator; PostgreSQL is a process of its
     * own), split into the process's own memory (anonymous) and index files mapped into it (file pages, which
     * the operating system shares with its cache and can drop).
     */
    private static void memory(ApplicationContext context, String indexDir, StringBuilder report) throws Exception {
        System.gc();
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
        long indexBytes = directoryBytes(new java.io.File(indexDir));
        long tables = context.getBean(IndexManager.class).current().orElseThrow().tableBytes();
        report.append("\n## Memory\n\nJVM (-Xmx%s) VmRSS %,d MB = RssAnon %,d MB (heap, code, threads) + RssFile %,d MB (mapped index files); "
                .formatted(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                .filter(a -> a.startsWith("-Xmx")).findFirst().orElse("-Xmx?").substring(4),
                        kb(status, "VmRSS") >> 10, kb(status, "RssAnon") >> 10, kb(status, "RssFile") >> 10))
                .append("heap used after GC %,d MB of %,d MB committed, of which %,d MB the in-memory facet and rank tables; index on disk %,d MB. "
                        .formatted(heap.getUsed() >> 20, heap.getCommitted() >> 20, tables >> 20, indexBytes >> 20))
                .append("Target: RSS ≤ 1.2 GB.\n");
    }

    private static long kb(List<String> status, String key) {
        return status.stream().filter(l -> l.startsWith(key + ":")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
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
        report.append("## Update-to-visible (%d availability updates, 20 a second)\n\n".formatted(UPDATES))
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
