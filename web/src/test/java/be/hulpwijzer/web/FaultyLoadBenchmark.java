package be.hulpwijzer.web;

import be.hulpwijzer.catalogue.db.EmbeddedDatabase;
import be.hulpwijzer.catalogue.testing.TemporaryDirectories;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load with faults: two application nodes (two packaged jars) on one PostgreSQL with 100,000 modules; searches at
 * 300 a second spread over both and availability updates at 20 a second, for five minutes; halfway node B is killed
 * ({@code kill -9}) and started again, later PostgreSQL is stopped and started. Reports latency and errors per node
 * and phase, update-to-visible on both nodes, and checks at the end that no committed update was lost and that both
 * indexes follow the database. Written to {@code web/target/benchmarks/faulty-load.md}.
 * Run: mvn -B install -DskipTests && mvn -B test -pl web -Dbenchmark -Dtest=FaultyLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * ({@code -Dbenchmark.minutes=2 -Dbenchmark.modules=20000} for a quick run).
 */
@Tag("benchmark")
class FaultyLoadBenchmark {

    private static final String TOKEN = "faulty-load-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEARCHES = {"angst", "begeleiding", "thuisbegeleiding jongeren", "autisme&availableNow=true",
        "crisisopvang&sort=wait", "budgetbegeleiding schulden", "", "zone=westhoek&domain=psychisch-welzijn"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One search or update: when it was due, how long it took from then, and whether it succeeded. */
    private record Outcome(String node, long due, long nanos, boolean ok) {
    }

    @Test
    void measure() throws Exception {
        int minutes = Integer.getInteger("benchmark.minutes", 5);
        int modules = Integer.getInteger("benchmark.modules", 100_000);
        Duration length = Duration.ofMinutes(minutes);
        Path root = TemporaryDirectories.create("hulpwijzer-faulty-load");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(root.resolve("pg"), port);
        String url = database.jdbcUrl().replaceAll("\\?.*", "");
        Map<String, String> env = Map.of("DATASOURCES_DEFAULT_URL", url, "DATASOURCES_DEFAULT_USERNAME", EmbeddedDatabase.USER,
                "DATASOURCES_DEFAULT_PASSWORD", "", "HULPWIJZER_DEMO_DATA", "false", "HULPWIJZER_ADMIN_TOKEN", TOKEN);
        StringBuilder report = new StringBuilder(("# Load with faults\n\nTwo nodes (packaged jars, -Xmx512m each) on one embedded "
                + "PostgreSQL, %,d modules (generated), %d cores, %d minutes: searches at 300/s (150/s a node), availability "
                + "updates at 20/s (alternating nodes; each reads the current version, then writes).\n\n")
                .formatted(modules, Runtime.getRuntime().availableProcessors(), minutes));
        long start = System.nanoTime();
        RunningJar.run(Files.createDirectories(root.resolve("generate")), env, "generate", "--organisations",
                String.valueOf(modules / 10), "--modules", String.valueOf(modules));
        report.append("Catalogue generated in %.0f s.\n\n".formatted((System.nanoTime() - start) / 1e9));
        RunningJar[] nodes = {RunningJar.start(Files.createDirectories(root.resolve("a")), env),
            RunningJar.start(Files.createDirectories(root.resolve("b")), env)};
        String[] names = {"A", "B"};
        List<Long> ids = column(url, "select id from module where status = 'active' order by id");
        List<Outcome> searches = new ArrayList<>();
        List<Outcome> updates = new ArrayList<>();
        Map<Long, long[]> committed = new ConcurrentHashMap<>();
        Map<Long, Boolean> ambiguous = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<long[]> visible = new ConcurrentLinkedQueue<>(); // node, nanos
        List<String> events = new ArrayList<>();
        long t0 = System.nanoTime();
        long end = t0 + length.toNanos();
        Thread searchLoad = new Thread(() -> searches.addAll(searchLoad(nodes, names, t0, end)), "searches");
        Thread updateLoad = new Thread(() -> updates.addAll(updateLoad(nodes, names, ids, t0, end, committed, ambiguous, visible)), "updates");
        searchLoad.start();
        updateLoad.start();
        try {
            sleepUntil(t0 + length.toNanos() / 2);
            events.add(at(t0) + " node B killed (kill -9)");
            nodes[1].kill();
            LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
            events.add(at(t0) + " node B starting");
            nodes[1] = RunningJar.start(root.resolve("b"), env);
            events.add(at(t0) + " node B ready again");
            sleepUntil(t0 + length.toNanos() * 3 / 4);
            events.add(at(t0) + " PostgreSQL stopped");
            database.close();
            LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
            database = EmbeddedDatabase.start(root.resolve("pg"), port);
            events.add(at(t0) + " PostgreSQL started again");
            searchLoad.join();
            updateLoad.join();

            // afterwards: both nodes follow the database, and every committed update is there
            long settle = System.nanoTime();
            boolean caughtUp = awaitCaughtUp(nodes[0]) & awaitCaughtUp(nodes[1]);
            report.append("## Events\n\n");
            events.forEach(e -> report.append("- ").append(e).append('\n'));
            report.append("\n## Searches (latency from the scheduled start; an error is a failed connection or a non-200)\n\n")
                    .append("| node | phase | searches | errors | p50 ms | p99 ms |\n|---|---|---:|---:|---:|---:|\n");
            for (String name : names) {
                for (String[] phase : phases(t0, length)) {
                    long from = Long.parseLong(phase[1]);
                    long to = Long.parseLong(phase[2]);
                    List<Outcome> in = searches.stream().filter(o -> o.node().equals(name) && o.due() >= from && o.due() < to).toList();
                    report.append("| %s | %s | %,d | %,d | %.1f | %.1f |\n".formatted(name, phase[0], in.size(),
                            in.stream().filter(o -> !o.ok()).count(), quantile(in, 0.5), quantile(in, 0.99)));
                }
            }
            long failedUpdates = updates.stream().filter(o -> !o.ok()).count();
            report.append("\n## Updates\n\n%,d updates, %,d committed (200), %,d refused or failed (503 while PostgreSQL was down, "
                    .formatted(updates.size(), updates.size() - failedUpdates, failedUpdates)
                    + "or a node down), %,d with no answer (counted as unknown). p50 %.1f ms, p99 %.1f ms.\n\n"
                    .formatted(ambiguous.size(), quantile(updates.stream().filter(Outcome::ok).toList(), 0.5),
                            quantile(updates.stream().filter(Outcome::ok).toList(), 0.99)));
            report.append("Update-to-visible (from the update's answer until the node's index has applied every committed change, "
                    + "sampled one update in ten, asked every 50 ms):\n\n| node | samples | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
            for (int n = 0; n < 2; n++) {
                int node = n;
                long[] times = visible.stream().filter(v -> v[0] == node).mapToLong(v -> v[1]).sorted().toArray();
                report.append("| %s | %,d | %.0f | %.0f | %.0f |\n".formatted(names[n], times.length, q(times, 0.5), q(times, 0.99),
                        q(times, 1.0)));
            }
            Map<Long, Integer> stored = new HashMap<>();
            try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select module_id, free_places from availability where free_places is not null")) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), rs.getInt(2));
                }
            }
            long lost = committed.entrySet().stream().filter(e -> !ambiguous.containsKey(e.getKey()))
                    .filter(e -> !Integer.valueOf((int) e.getValue()[1]).equals(stored.get(e.getKey()))).count();
            long total = column(url, "select count(*) from module where status = 'active'").get(0);
            long inA = browseTotal(nodes[0]);
            long inB = browseTotal(nodes[1]);
            report.append("\n## After the run\n\n")
                    .append("- both indexes caught up with the database: **%s** (within %.1f s)\n".formatted(caughtUp,
                            (System.nanoTime() - settle) / 1e9))
                    .append("- modules found by an empty search: database (active) %,d, index A %,d, index B %,d\n".formatted(total, inA, inB))
                    .append("- committed updates whose value is not in the database (lost): **%,d** of %,d modules updated\n"
                            .formatted(lost, committed.size()));
            if (!caughtUp || lost > 0 || inA != total || inB != total) {
                report.append("\n**Failed**: an index does not follow the database, or a committed update was lost.\n");
            }
        } finally {
            Path out = Path.of("target/benchmarks/faulty-load.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
            for (RunningJar node : nodes) {
                node.close();
            }
            database.close();
        }
    }

    /** Searches on a fixed schedule, 150 a second on each node, each measured from when it was due. */
    private List<Outcome> searchLoad(RunningJar[] nodes, String[] names, long t0, long end) {
        List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        long interval = 1_000_000_000L / 300;
        AtomicInteger pending = new AtomicInteger();
        for (long i = 0; t0 + i * interval < end; i++) {
            long due = t0 + i * interval;
            LockSupport.parkNanos(due - System.nanoTime());
            int node = (int) (i % 2);
            String search = SEARCHES[(int) ((i / 2) % SEARCHES.length)];
            String query = search.isEmpty() ? "" : search.contains("=") && !search.contains("&") ? search
                    : "q=" + search.replace(" ", "+");
            pending.incrementAndGet();
            http.sendAsync(HttpRequest.newBuilder(URI.create(nodes[node].url("/api/v1/search?" + query)))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        outcomes.add(new Outcome(names[node], due, System.nanoTime() - due, failure == null && response.statusCode() == 200));
                        pending.decrementAndGet();
                    });
        }
        while (pending.get() > 0) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return outcomes;
    }

    /** Availability updates at 20 a second, alternating nodes; one in five followed until both indexes show it. */
    private List<Outcome> updateLoad(RunningJar[] nodes, String[] names, List<Long> ids, long t0, long end,
                                     Map<Long, long[]> committed, Map<Long, Boolean> ambiguous, ConcurrentLinkedQueue<long[]> visible) {
        List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        Random random = new Random(7);
        long interval = Duration.ofMillis(50).toNanos();
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(16);
        for (int i = 0; t0 + (long) i * interval < end; i++) {
            long due = t0 + (long) i * interval;
            LockSupport.parkNanos(due - System.nanoTime());
            int number = i;
            long module = ids.get(random.nextInt(ids.size()));
            writers.execute(() -> update(nodes, names, number, module, due, outcomes, committed, ambiguous, visible));
        }
        writers.shutdown();
        try {
            writers.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcomes;
    }

    private void update(RunningJar[] nodes, String[] names, int i, long module, long due, List<Outcome> outcomes,
                        Map<Long, long[]> committed, Map<Long, Boolean> ambiguous, ConcurrentLinkedQueue<long[]> visible) {
            int node = i % 2;
            int places = 1 + i % 50 + 50 * (i / 50 % 2); // a value that changes each time
            boolean ok = false;
            try {
                String path = nodes[node].url("/api/v1/modules/" + module + "/availability");
                HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode version = current.statusCode() == 200 ? JSON.readTree(current.body()).get("version") : null;
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"state\": \"free\", \"freePlaces\": " + places
                                + (version == null || version.isNull() ? "" : ", \"version\": " + version.asLong()) + "}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                ok = response.statusCode() == 200;
                if (ok) {
                    long written = JSON.readTree(response.body()).path("version").asLong();
                    // the value of the highest version this run wrote (two writers may answer out of order)
                    committed.merge(module, new long[]{written, places}, (a, b) -> a[0] >= b[0] ? a : b);
                    ambiguous.remove(module);
                    if (i % 10 == 0) {
                        long answered = System.nanoTime();
                        for (int n = 0; n < 2; n++) {
                            int follower = n;
                            Thread watcher = new Thread(() -> {
                                if (awaitCaughtUp(nodes[follower], Duration.ofSeconds(10))) {
                                    visible.add(new long[]{follower, (System.nanoTime() - answered) / 1_000_000});
                                }
                            }, "visible-" + follower);
                            watcher.setDaemon(true);
                            watcher.start();
                        }
                    }
                }
            } catch (Exception noAnswer) {
                ambiguous.put(module, true); // it may or may not have been committed
            }
            outcomes.add(new Outcome(names[node], due, System.nanoTime() - due, ok));
    }

    private boolean awaitCaughtUp(RunningJar node) {
        return awaitCaughtUp(node, Duration.ofMinutes(2));
    }

    /** Asks the node's index status until it has applied every committed change, or the time is up. */
    private boolean awaitCaughtUp(RunningJar node, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/admin/search-index")))
                        .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200 && JSON.readTree(status.body()).path("caughtUp").asBoolean()) {
                    return true;
                }
            } catch (Exception notYet) {
                // the node or the database is not there (yet)
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // asking costs the node a query and a count
        }
        return false;
    }

    private long browseTotal(RunningJar node) throws Exception {
        JsonNode all = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/search?size=1"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return all.path("total").asLong(-1);
    }

    private static String[][] phases(long t0, Duration length) {
        long half = t0 + length.toNanos() / 2;
        long quarter = t0 + length.toNanos() * 3 / 4;
        long end = t0 + length.toNanos();
        long warm = t0 + Duration.ofSeconds(30).toNanos();
        return new String[][]{{"warm-up (first 30 s)", String.valueOf(t0), String.valueOf(warm)},
            {"before the faults", String.valueOf(warm), String.valueOf(half)},
            {"B killed and restarted", String.valueOf(half), String.valueOf(quarter)},
            {"PostgreSQL restarted", String.valueOf(quarter), String.valueOf(end)}};
    }

    private static List<Long> column(String url, String sql) throws Exception {
        List<Long> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private static double quantile(List<Outcome> outcomes, double q) {
        return q(outcomes.stream().mapToLong(o -> o.nanos() / 1000).sorted().toArray(), q) / 1000.0;
    }

    private static double q(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private static void sleepUntil(long nanoTime) {
        while (System.nanoTime() < nanoTime) {
            LockSupport.parkNanos(nanoTime - System.nanoTime());
        }
    }

    private static String at(long t0) {
        return "%.0f s".formatted((System.nanoTime() - t0) / 1e9);
    }
}
