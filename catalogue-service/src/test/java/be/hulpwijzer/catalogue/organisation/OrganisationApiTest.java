package be.hulpwijzer.catalogue.organisation;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static be.hulpwijzer.catalogue.testing.Fixtures.withVersion;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationApiTest implements PostgresTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    Api api;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        api = Api.admin(client);
    }

    @Test
    void enterpriseNumberIsStoredAsTenDigits() {
        Api.Reply created = api.post("/api/v1/organisations", organisation("CAW Brugge"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("enterpriseNumber").asText()).isEqualTo("0403170701");
        assertThat(created.body().get("sector").asText()).isEqualTo("cgg");
    }

    @Test
    void enterpriseNumberWithAWrongCheckDigitIsRefused() {
        Api.Reply reply = api.post("/api/v1/organisations",
                organisation("CAW Brugge").replace("0403.170.701", "0403.170.702"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("enterpriseNumber");
        assertThat(reply.body().at("/errors/0/message").asText()).contains("ondernemingsnummer");
    }

    @Test
    void sameEnterpriseNumberCannotBeRegisteredTwice() {
        api.post("/api/v1/organisations", organisation("CAW Brugge"));
        Api.Reply second = api.post("/api/v1/organisations", organisation("CAW Oostende"));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.errorFields()).containsExactly("enterpriseNumber");
    }

    @Test
    void missingNameUnknownSectorAndBadContactDetailsAreNamed() {
        String body = "{\"sector\": \"toverij\", \"email\": \"a@\", \"website\": \"ftp://x\", \"phone\": \"12\"}";
        Api.Reply reply = api.post("/api/v1/organisations", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("name", "sector", "email", "website", "phone");
    }

    @Test
    void updateBumpsTheVersionAndStaleUpdateConflicts() {
        long id = api.post("/api/v1/organisations", organisation("CAW Brugge")).id();
        Api.Reply updated = api.put("/api/v1/organisations/" + id, withVersion(organisation("CAW Noord-West-Vlaanderen"), 0));
        Api.Reply stale = api.put("/api/v1/organisations/" + id, withVersion(organisation("CAW Brugge-Oostende"), 0));
        assertThat(updated.version()).isEqualTo(1);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/organisations/" + id).body().get("name").asText()).isEqualTo("CAW Noord-West-Vlaanderen");
    }

    @Test
    void deletingAnOrganisationRemovesItsModules() {
        long id = api.post("/api/v1/organisations", organisation("CAW Brugge")).id();
        long moduleId = api.post("/api/v1/organisations/" + id + "/modules", module("Onthaal")).id();
        assertThat(api.delete("/api/v1/organisations/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/organisations/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/modules/" + moduleId).status()).isEqualTo(404);
    }

    @Test
    void unknownRouteAndWrongMethodAnswerAsProblems() {
        Api.Reply missing = api.get("/api/v1/nergens");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }
}
