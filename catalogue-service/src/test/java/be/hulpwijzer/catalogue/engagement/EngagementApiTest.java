package be.hulpwijzer.catalogue.engagement;

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

import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static be.hulpwijzer.catalogue.testing.Fixtures.withVersion;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementApiTest implements PostgresTest {

    private static final String ENGAGEMENT = """
            {"title": "Twee consulten per maand voor 1G1P-gezinnen", "targetGroup": "gezinnen in een 1G1P-traject",
             "capacityPerMonth": 2, "responseTimeDays": 5, "zones": ["westhoek"], "validFrom": "2026-01-01",
             "validTo": "2026-12-31"}""";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    Api api;
    String path;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        api = Api.admin(client);
        path = "/api/v1/organisations/" + api.post("/api/v1/organisations", organisation("CAW Westhoek")).id() + "/engagements";
    }

    @Test
    void engagementIsCreatedListedAndUpdated() {
        Api.Reply created = api.post(path, ENGAGEMENT);
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get(path).body().size()).isEqualTo(1);
        Api.Reply updated = api.put("/api/v1/engagements/" + created.id(),
                withVersion(ENGAGEMENT.replace("\"capacityPerMonth\": 2", "\"capacityPerMonth\": 3"), 0));
        assertThat(updated.body().get("capacityPerMonth").asInt()).isEqualTo(3);
        assertThat(updated.version()).isEqualTo(1);
    }

    @Test
    void anEngagementNamesItsContactAndOnlyItsOwnOrganisationsModules() {
        long organisation = Long.parseLong(path.split("/")[4]);
        long own = api.post("/api/v1/organisations/" + organisation + "/modules", be.hulpwijzer.catalogue.testing.Fixtures.module("Budgethulp")).id();
        long other = api.post("/api/v1/organisations", organisation("CAW Ander").replace("0403.170.701", "0412.345.614")).id();
        long foreign = api.post("/api/v1/organisations/" + other + "/modules", be.hulpwijzer.catalogue.testing.Fixtures.module("Niet van ons")).id();

        Api.Reply refused = api.post(path, ENGAGEMENT.replace("\"validTo\"", "\"moduleIds\": [" + foreign + "], \"validTo\""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("moduleIds");

        Api.Reply created = api.post(path, ENGAGEMENT.replace("\"validTo\"", "\"contactName\": \"Els Maes\", "
                + "\"contactPhone\": \"050 44 55 66\", \"moduleIds\": [" + own + "], \"validTo\""));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("contactName").asText()).isEqualTo("Els Maes");
        assertThat(created.body().get("moduleIds").toString()).isEqualTo("[" + own + "]");
    }

    @Test
    void periodThatEndsBeforeItStartsIsRefused() {
        Api.Reply reply = api.post(path, ENGAGEMENT.replace("2026-12-31", "2025-12-31").replace("\"westhoek\"", "\"nergens\""));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("validTo", "zones");
    }
}
