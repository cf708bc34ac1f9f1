package be.hulpwijzer.catalogue.security;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import be.hulpwijzer.catalogue.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** Waiting information that grows old is found, confirmed in one click, and followed by the coordinator. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreshnessTest implements PostgresTest {

    private static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;

    Api admin;
    long organisation;
    long old;
    long fresh;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        old = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Oud nieuws")).id();
        fresh = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Vers")).id();
        admin.put("/api/v1/modules/" + old + "/availability", "{\"state\": \"waiting\", \"waiting\": 5, \"expectedWaitDays\": 60, "
                + "\"confirmedAt\": \"2026-09-01T10:00:00Z\"}");
        admin.put("/api/v1/modules/" + fresh + "/availability", "{\"state\": \"free\", \"freePlaces\": 1}");
        sql.run("update availability set confirmed_at = now() - interval '40 days' where module_id = " + old);
        admin.post("/api/v1/accounts", "{\"email\": \"co@brugge.example\", \"name\": \"Co\", \"password\": \"" + PASSWORD
                + "\", \"role\": \"coordinator\", \"zones\": [\"brugge\"]}");
        admin.post("/api/v1/accounts", "{\"email\": \"co@gent.example\", \"name\": \"Co\", \"password\": \"" + PASSWORD
                + "\", \"role\": \"coordinator\", \"zones\": [\"gent\"]}");
    }

    @Test
    void staleEntriesAreListedAndConfirmedInOneClickKeepingHistory() {
        JsonNode toConfirm = admin.get("/api/v1/organisations/" + organisation + "/to-confirm").body();
        assertThat(toConfirm).hasSize(1);
        assertThat(toConfirm.get(0).get("moduleId").asLong()).isEqualTo(old);

        long version = admin.get("/api/v1/modules/" + old + "/availability").version();
        int historyBefore = admin.get("/api/v1/modules/" + old + "/availability/history").body().size();
        assertThat(admin.post("/api/v1/modules/" + old + "/availability/confirmation", "{\"version\": " + (version + 5) + "}")
                .status()).isEqualTo(409);
        Api.Reply confirmed = admin.post("/api/v1/modules/" + old + "/availability/confirmation", "{\"version\": " + version + "}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().get("state").asText()).isEqualTo("waiting");
        assertThat(confirmed.body().get("expectedWaitDays").asInt()).isEqualTo(60);
        assertThat(confirmed.body().get("stale").asBoolean()).isFalse();
        JsonNode history = admin.get("/api/v1/modules/" + old + "/availability/history").body();
        assertThat(history).hasSize(historyBefore + 1);
        assertThat(history.get(historyBefore).get("state").asText()).isEqualTo("waiting");
        assertThat(admin.get("/api/v1/organisations/" + organisation + "/to-confirm").body()).isEmpty();
    }

    @Test
    void theCoordinatorSeesHowFreshEachOrganisationIsAndMarksItVerified() {
        JsonNode zone = get("/api/v1/freshness?zone=brugge", "co@brugge.example");
        assertThat(zone).hasSize(1);
        assertThat(zone.get(0).get("modules").asInt()).isEqualTo(2);
        assertThat(zone.get(0).get("stale").asInt()).isEqualTo(1);

        String checked = "{\"checked\": [\"contact\", \"waiting\"], \"note\": \"Telefonisch overlopen\"}";
        assertThat(send("/api/v1/organisations/" + organisation + "/verification", "co@gent.example", checked)).isEqualTo(403);
        assertThat(send("/api/v1/organisations/" + organisation + "/verification", "co@brugge.example", checked))
                .as("verifying means all is right: refused while a module is stale").isEqualTo(409);
        assertThat(get("/api/v1/freshness?zone=brugge", "co@brugge.example").get(0).path("verifiedBy").asText()).isNotEqualTo("co@brugge.example");
        sql.run("update availability set confirmed_at = now()");
        assertThat(send("/api/v1/organisations/" + organisation + "/verification", "co@brugge.example", "{}"))
                .as("what was checked must be said").isEqualTo(400);
        assertThat(send("/api/v1/organisations/" + organisation + "/verification", "co@brugge.example", checked)).isEqualTo(200);
        JsonNode after = get("/api/v1/freshness?zone=brugge", "co@brugge.example");
        assertThat(after.get(0).get("verifiedBy").asText()).isEqualTo("co@brugge.example");
        JsonNode recorded = admin.get("/api/v1/organisations/" + organisation + "/verifications").body().get(0);
        assertThat(recorded.get("checked").toString()).isEqualTo("[\"contact\",\"waiting\"]");
        assertThat(recorded.get("note").asText()).isEqualTo("Telefonisch overlopen");
        assertThat(recorded.get("modules").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/freshness?zone=atlantis").status()).isEqualTo(400);
        assertThat(Api.anonymous(client).get("/api/v1/freshness?zone=brugge").status()).isEqualTo(401);
    }

    private JsonNode get(String path, String email) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(client.toBlocking().retrieve(
                io.micronaut.http.HttpRequest.GET(path).header("Authorization", basic(email)), java.util.List.class));
    }

    private int send(String path, String email, String json) {
        try {
            return client.toBlocking().exchange(io.micronaut.http.HttpRequest.POST(path, json)
                    .header("Authorization", basic(email))).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static String basic(String email) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
