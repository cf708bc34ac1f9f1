package be.hulpwijzer.web.metrics;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Session;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus text for the people who run Hulpwijzer: search, index, HTTP, pool and JVM; administrators only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest implements SearchTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;

    long organisation;

    @BeforeEach
    void aCatalogue() throws Exception {
        fixtures.clean();
        Api admin = Api.admin(client);
        organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        admin.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbehandeling"));
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void anAdministratorReadsSearchIndexHttpPoolAndJvmFigures() throws Exception {
        assertThat(Api.anonymous(client).get("/api/v1/search?q=angst").status()).isEqualTo(200);
        assertThat(Api.anonymous(client).get("/api/v1/search?q=iets+dat+niemand+aanbiedt").status()).isEqualTo(200);
        HttpResponse<String> metrics = get("Bearer " + Api.ADMIN_TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("hulpwijzer_search_seconds_bucket", "hulpwijzer_search_seconds_count 2")
                .contains("hulpwijzer_search_results_count 2", "hulpwijzer_search_results_bucket{le=\"0.5\"} 1")
                .contains("hulpwijzer_index_ready 1.0", "hulpwijzer_index_behind ", "hulpwijzer_index_modules 1.0")
                .contains("http_server_requests_seconds_count", "hikaricp_connections", "jvm_memory_used_bytes")
                .contains("hulpwijzer_index_rebuilds_total", "hulpwijzer_index_feed_batches_total", "hulpwijzer_waiting_figures_age_seconds");
    }

    @Test
    void nobodyElseReadsThem() throws Exception {
        assertThat(get(null).statusCode()).isEqualTo(401);
        Api.admin(client).post("/api/v1/accounts", "{\"email\": \"an@cgg.example\", \"name\": \"An\", \"password\": \"" + Session.PASSWORD
                + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        Session an = Session.loggedIn(server, "an@cgg.example");
        assertThat(an.get("/prometheus").statusCode()).as("an editor").isIn(401, 403);
        String token = Api.admin(client).post("/api/v1/organisations/" + organisation + "/tokens", "{\"label\": \"ons\"}")
                .body().get("token").asText();
        assertThat(get("Bearer " + token).statusCode()).as("an organisation's token").isEqualTo(403);
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
