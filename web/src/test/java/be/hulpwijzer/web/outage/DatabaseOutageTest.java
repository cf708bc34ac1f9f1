package be.hulpwijzer.web.outage;

import be.hulpwijzer.catalogue.db.EmbeddedDatabase;
import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.TemporaryDirectories;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.web.testing.Session;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped under a running application, then started again: search keeps answering from the index and
 * says how old its data may be, writes and logins answer 503 in Dutch within seconds, the node stays ready
 * (degraded), and afterwards writes work again and the index follows, without a restart.
 */
class DatabaseOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void searchSurvivesAnOutageAndEverythingWorksAgainWhenTheDatabaseReturns(@TempDir Path directory) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("pg"), port);
        Map<String, Object> properties = new HashMap<>(database.datasourceProperties());
        properties.put("hulpwijzer.index-dir", TemporaryDirectories.create("hulpwijzer-outage-index").toString());
        properties.put("datasources.default.connection-timeout", "2000");
        try (EmbeddedServer app = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            IndexManager indexes = app.getApplicationContext().getBean(IndexManager.class);
            Api admin = Api.admin(app.getApplicationContext().createBean(io.micronaut.http.client.HttpClient.class, app.getURL()));
            long organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
            admin.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbehandeling"));
            admin.post("/api/v1/accounts", "{\"email\": \"an@cgg.example\", \"name\": \"An\", \"password\": \"" + Session.PASSWORD
                    + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}");
            assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

            database.close(); // PostgreSQL goes away
            await("the follower notices").atMost(Duration.ofSeconds(15)).until(() -> indexes.outOfTouchSince().isPresent());

            HttpResponse<String> search = get(app, "/api/v1/search?q=angst", "application/json", null);
            assertThat(search.statusCode()).isEqualTo(200);
            JsonNode found = JSON.readTree(search.body());
            assertThat(found.get("total").asInt()).isEqualTo(1);
            assertThat(found.get("staleSince").asText()).as("says how old its data may be").isNotBlank();
            HttpResponse<String> page = get(app, "/?q=angst", "text/html", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Angstbehandeling", "De databank is even niet bereikbaar");

            long start = System.nanoTime();
            HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(app.getURL() + "/api/v1/organisations"))
                    .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(organisation("CAW Gent"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
            assertThat(write.body()).contains("databank is even niet bereikbaar").doesNotContain("Exception");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no hang").isLessThan(Duration.ofSeconds(10));
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(app.getURL() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", app.getURL().toString())
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString("username=an%40cgg.example&password=" + Session.PASSWORD.replace(' ', '+')))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("a login is not refused as a wrong password").isEqualTo(503);
            assertThat(login.body()).contains("databank is even niet bereikbaar");
            HttpResponse<String> ready = get(app, "/health/readiness", "application/json", null);
            assertThat(ready.statusCode()).as("the node keeps taking searches").isEqualTo(200);
            assertThat(ready.body()).as("and says it is degraded").contains("DEGRADED");

            database = EmbeddedDatabase.start(directory.resolve("pg"), port); // and comes back
            await("writes work again without a restart").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.post("/api/v1/organisations", organisation("CAW Gent")
                            .replace("0403.170.701", "0412.345.614")).status() == 201);
            await("the follower follows again").atMost(Duration.ofSeconds(15)).until(() -> indexes.outOfTouchSince().isEmpty());
            long later = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Slaapproblemen bij baby's")).id();
            assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
            JsonNode after = JSON.readTree(get(app, "/api/v1/search?q=slaapproblemen", "application/json", null).body());
            assertThat(after.get("hits").get(0).get("id").asLong()).isEqualTo(later);
            assertThat(after.get("staleSince").isNull()).isTrue();
            assertThat(indexes.status().modules()).as("the index equals the database").isEqualTo(2);
        } finally {
            database.close();
        }
    }

    private HttpResponse<String> get(EmbeddedServer app, String path, String accept, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.getURL() + path)).header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
