package be.hulpwijzer.catalogue.location;

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
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocationApiTest implements PostgresTest {

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
        path = "/api/v1/organisations/" + api.post("/api/v1/organisations", organisation("CAW Brugge")).id() + "/locations";
    }

    @Test
    void municipalityFollowsFromThePostcode() {
        Api.Reply created = api.post(path, "{\"name\": \"Antenne Deurne\", \"street\": \"Turnhoutsebaan 1\", \"postcode\": \"2100\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("nisCode").asText()).isEqualTo("11002");
    }

    @Test
    void openingHoursAreKeptAsWeeklyPeriodsFromObjectsOrDutchLines() {
        Api.Reply structured = api.post(path, "{\"name\": \"Onthaal\", \"postcode\": \"8000\", \"openingHours\": ["
                + "{\"day\": 2, \"opens\": \"18:00\", \"closes\": \"20:00\", \"note\": \"zonder afspraak\"},"
                + "{\"day\": \"maandag\", \"opens\": \"9:00\", \"closes\": \"12:00\"}], \"hoursNote\": \"Gesloten in de kerstvakantie\"}");
        assertThat(structured.status()).as(structured.body().toString()).isEqualTo(201);
        assertThat(structured.body().get("openingHours").toString())
                .isEqualTo("[{\"day\":1,\"opens\":\"09:00\",\"closes\":\"12:00\",\"note\":null,\"dayName\":\"maandag\"},"
                        + "{\"day\":2,\"opens\":\"18:00\",\"closes\":\"20:00\",\"note\":\"zonder afspraak\",\"dayName\":\"dinsdag\"}]");
        assertThat(structured.body().get("openingHoursText").asText())
                .isEqualTo("maandag 09:00-12:00\ndinsdag 18:00-20:00 (zonder afspraak)");
        assertThat(structured.body().get("hoursNote").asText()).isEqualTo("Gesloten in de kerstvakantie");
        assertThat(structured.body().has("hours")).as("the stored form stays inside").isFalse();

        Api.Reply typed = api.post(path, "{\"name\": \"Antenne\", \"postcode\": \"8000\", "
                + "\"openingHoursText\": \"ma t/m vr 9:00-12:00\"}");
        assertThat(typed.body().get("openingHours").size()).isEqualTo(5);

        Api.Reply wrong = api.post(path, "{\"name\": \"X\", \"postcode\": \"8000\", \"openingHours\": [{\"day\": 9, \"opens\": \"10:00\", \"closes\": \"09:00\"}]}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactly("openingHours[0]");
        assertThat(api.post(path, "{\"name\": \"X\", \"postcode\": \"8000\", \"openingHoursText\": \"altijd open\"}").errorFields())
                .containsExactly("openingHoursText");
    }

    @Test
    void confidentialShelterIsStoredAsConfidential() {
        Api.Reply created = api.post(path, "{\"name\": \"Vluchthuis\", \"postcode\": \"8000\", \"confidential\": true}");
        assertThat(created.body().get("confidential").asBoolean()).isTrue();
    }

    @Test
    void unknownPostcodeAndCoordinatesOutsideBelgiumAreRefused() {
        Api.Reply reply = api.post(path, "{\"name\": \"X\", \"postcode\": \"9999\", \"latitude\": 10.0, \"longitude\": 4.0}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("postcode", "latitude");
    }

    @Test
    void municipalityThatDoesNotLieAtThePostcodeIsRefused() {
        Api.Reply reply = api.post(path, "{\"name\": \"X\", \"postcode\": \"8000\", \"municipality\": \"11002\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("municipality");
    }
}
