package be.hulpwijzer.web.benchmark;

import be.hulpwijzer.catalogue.testing.PostgresTest;
import be.hulpwijzer.indexer.index.IndexManager;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A load generator, not a test: the search page's time on the demo catalogue, measured from a client on
 * the same machine (so an upper bound of the server's time), against the JSON search API for the same
 * search in the same run as baseline. Writes target/benchmarks/search-page.md.
 * Run: mvn -B install -DskipTests && mvn -B test -pl web -Dbenchmark -Dtest=SearchPageBenchmark
 */
@Tag("benchmark")
class SearchPageBenchmark {

    private static final String[] SEARCHES = {"q=angst+15+jaar+Brugge", "q=begeleiding", "q=CGG&availableNow=true",
            "place=8400&domain=psychisch-welzijn", "q=thuisbegeleiding&age=6", "q=crisisopvang&sort=wait"};
    private static final int ROUNDS = 400;

    @Test
    void measure() throws Exception {
        Map<String, Object> properties = new HashMap<>(new PostgresTest() { }.getProperties());
        properties.put("hulpwijzer.demo-data", "true");
        properties.put("micronaut.server.port", "-1");
        properties.put("hulpwijzer.index-dir", be.hulpwijzer.catalogue.testing.TemporaryDirectories.create("hulpwijzer-bench-index").toString());
        StringBuilder report = new StringBuilder("# Search page benchmark\n\nDemo catalogue, %d rounds per search after %d warm-up rounds, one client thread on the same machine, %d cores.\n\n"
                .formatted(ROUNDS, ROUNDS / 4, Runtime.getRuntime().availableProcessors()))
                .append("| search | page p50 ms | page p99 ms | API p50 ms (baseline) | page / API at p50 |\n|---|---|---|---|---|\n");
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties, "test").getApplicationContext()) {
            if (!context.getBean(IndexManager.class).awaitCaughtUp(Duration.ofMinutes(2))) {
                throw new IllegalStateException("index not ready");
            }
            String base = context.getBean(EmbeddedServer.class).getURL().toString();
            HttpClient http = HttpClient.newHttpClient();
            long[] allPages = new long[SEARCHES.length * ROUNDS];
            int n = 0;
            for (String search : SEARCHES) {
                String api = search.replace("place=", "postcode=");
                long[] page = new long[ROUNDS];
                long[] json = new long[ROUNDS];
                for (int round = -ROUNDS / 4; round < ROUNDS; round++) {
                    long t0 = System.nanoTime();
                    get(http, base + "/?" + search);
                    long t1 = System.nanoTime();
                    get(http, base + "/api/v1/search?" + api);
                    long t2 = System.nanoTime();
                    if (round >= 0) {
                        page[round] = t1 - t0;
                        json[round] = t2 - t1;
                        allPages[n++] = t1 - t0;
                    }
                }
                Arrays.sort(page);
                Arrays.sort(json);
                report.append("| `%s` | %.2f | %.2f | %.2f | %.2f× |\n".formatted(URLDecode(search), ms(page, 0.5),
                        ms(page, 0.99), ms(json, 0.5), ms(page, 0.5) / ms(json, 0.5)));
            }
            Arrays.sort(allPages);
            report.append("\nAll search pages: p50 %.2f ms, p99 %.2f ms (target: p50 ≤ 10 ms).\n"
                    .formatted(ms(allPages, 0.5), ms(allPages, 0.99)));
        }
        Path out = Path.of("target/benchmarks/search-page.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static void get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html, application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
    }

    private static String URLDecode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1))] / 1_000_000.0;
    }
}
