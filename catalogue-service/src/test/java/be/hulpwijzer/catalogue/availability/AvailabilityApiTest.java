package be.hulpwijzer.catalogue.availability;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvailabilityApiTest implements PostgresTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    SqlWriter sql;

    Api api;
    long moduleId;
    String path;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        api = Api.admin(client);
        long organisationId = api.post("/api/v1/organisations", organisation("CKG De Vlinder")).id();
        moduleId = api.post("/api/v1/organisations/" + organisationId + "/modules", module("Mobiele gezinsondersteuning")).id();
        path = "/api/v1/modules/" + moduleId + "/availability";
    }

    @Test
    void everyChangeIsKeptInOrder() {
        Api.Reply first = api.put(path, "{\"state\": \"waiting\", \"waiting\": 12, \"expectedWaitDays\": 84}");
        Api.Reply second = api.put(path, "{\"version\": 0, \"state\": \"waiting\", \"waiting\": 9, \"expectedWaitDays\": 60}");
        Api.Reply third = api.put(path, "{\"version\": 1, \"state\": \"free\", \"freePlaces\": 2, \"note\": \"Vanaf maandag\"}");
        assertThat(List.of(first.status(), second.status(), third.status())).containsOnly(200);

        JsonNode history = api.get(path + "/history").body();
        List<String> states = new ArrayList<>();
        history.forEach(h -> states.add(h.get("state").asText() + ":" + h.path("waiting").asText() + ":" + h.path("freePlaces").asText()));
        assertThat(states).containsExactly("waiting:12:null", "waiting:9:null", "free:null:2");
        assertThat(history.get(2).get("confirmedBy").asText()).isEqualTo("administrator");

        JsonNode current = api.get("/api/v1/modules/" + moduleId).body().get("availability");
        assertThat(current.get("state").asText()).isEqualTo("free");
        assertThat(current.get("version").asLong()).isEqualTo(2);
        assertThat(current.get("stale").asBoolean()).isFalse();
    }

    @Test
    void historyIsKeptForWritesOutsideTheApiToo() {
        api.put(path, "{\"state\": \"waiting\", \"waiting\": 3}");
        sql.setWaiting(moduleId, 4);
        assertThat(api.get(path + "/history").body().size()).isEqualTo(2);
    }

    @Test
    void availabilityNotConfirmedForThirtyDaysIsStale() {
        String longAgo = Instant.now().minus(31, ChronoUnit.DAYS).toString();
        Api.Reply reply = api.put(path, "{\"state\": \"waiting\", \"waiting\": 3, \"confirmedAt\": \"" + longAgo + "\"}");
        assertThat(reply.body().get("stale").asBoolean()).isTrue();
    }

    @Test
    void inconsistentOrNegativeValuesAreRefusedAndNothingIsStored() {
        Api.Reply freeWithoutPlaces = api.put(path, "{\"state\": \"free\"}");
        Api.Reply negative = api.put(path, "{\"state\": \"waiting\", \"waiting\": -1, \"expectedWaitDays\": -5}");
        Api.Reply unknownState = api.put(path, "{\"state\": \"misschien\"}");
        Api.Reply future = api.put(path, "{\"state\": \"closed\", \"confirmedAt\": \"2999-01-01T00:00:00Z\"}");

        assertThat(freeWithoutPlaces.status()).isEqualTo(400);
        assertThat(freeWithoutPlaces.errorFields()).containsExactly("freePlaces");
        assertThat(negative.errorFields()).containsExactlyInAnyOrder("waiting", "expectedWaitDays");
        assertThat(unknownState.errorFields()).containsExactly("state");
        assertThat(future.errorFields()).containsExactly("confirmedAt");
        assertThat(api.get(path + "/history").body().size()).isZero();
    }

    @Test
    void concurrentUpdateWithTheSameVersionConflicts() {
        api.put(path, "{\"state\": \"waiting\", \"waiting\": 5}");
        Api.Reply mine = api.put(path, "{\"version\": 0, \"state\": \"waiting\", \"waiting\": 6}");
        Api.Reply theirs = api.put(path, "{\"version\": 0, \"state\": \"closed\"}");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(theirs.status()).isEqualTo(409);
        assertThat(api.get(path).body().get("waiting").asInt()).isEqualTo(6);
        assertThat(api.get(path + "/history").body().size()).isEqualTo(2);
    }

    @Test
    void anonymousCannotChangeAvailability() {
        assertThat(Api.anonymous(client).put(path, "{\"state\": \"closed\"}").status()).isEqualTo(401);
    }

    @Test
    void historyOfUnknownModuleIsNotFound() {
        assertThat(api.get("/api/v1/modules/424242/availability/history").status()).isEqualTo(404);
    }

    @jakarta.inject.Singleton
    static class SqlWriter {
        private final JdbcOperations jdbc;

        SqlWriter(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        void setWaiting(long moduleId, int waiting) {
            jdbc.prepareStatement("update availability set waiting = ? where module_id = ?", ps -> {
                ps.setInt(1, waiting);
                ps.setLong(2, moduleId);
                return ps.executeUpdate();
            });
        }
    }
}
