package be.hulpwijzer.web;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.seed.demo.DemoCatalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example request in the README, read from the README itself so the two cannot drift apart, shows
 * something on the demo catalogue: a search finds modules (or the help lines it is meant to show), a list
 * is not empty.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExamplesTest implements SearchTest {

    /** A GET with curl (no -X, no body), quoted or not, with or without an Authorization header. */
    private static final Pattern CURL_GET = Pattern.compile(
            "^\\s*curl -s (?!.*-X )(?:-H \"Authorization: Bearer change-me\" )?'?(localhost:8080/[^'\\s]+)'?\\s*$");

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    DataSourceResolver resolver;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void demo() throws Exception {
        fixtures.clean();
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            c.createStatement().execute("delete from seed_state where name = 'demo-catalogue'");
            assertThat(DemoCatalogue.loadOnFirstStart(c, Instant.now())).isTrue();
        }
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    void cleanUp() {
        fixtures.clean();
    }

    @Test
    void everyExampleRequestInTheReadmeShowsSomethingOnTheDemo() throws Exception {
        List<String> examples = examples();
        assertThat(examples).as("the README's GET examples").hasSizeGreaterThanOrEqualTo(8);
        List<String> empty = new ArrayList<>();
        for (String example : examples) {
            String path = example.substring("localhost:8080".length());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !showsSomething(json.readTree(response.body()))) {
                empty.add(response.statusCode() + " " + example + " -> " + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }
        assertThat(empty).as("README examples that show nothing on the demo").isEmpty();
    }

    /** Search: hits, or help lines; a page: contents; any other answer: not empty. */
    private static boolean showsSomething(JsonNode body) {
        if (body.has("hits")) {
            return body.get("total").asLong() > 0 || body.get("helplines").size() > 0;
        }
        if (body.has("contents")) {
            return body.get("contents").size() > 0;
        }
        return body.size() > 0;
    }

    private static List<String> examples() throws Exception {
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
            Matcher curl = CURL_GET.matcher(line);
            if (curl.matches()) {
                found.add(curl.group(1));
            }
        }
        return found;
    }
}
