package be.hulpwijzer.web.editing;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Session;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static be.hulpwijzer.web.testing.Session.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form never erases what it does not show: every edit form, submitted exactly as the browser would
 * send it without touching anything, leaves its entry as it was (only version and time of change move).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnchangedFormsTest implements SearchTest {

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;

    Api admin;
    long organisation;
    long module;
    long location;
    long engagement;
    Session an;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        String method = admin.post("/api/v1/methods", "{\"name\": \"Oplossingsgericht werken\"}").body().get("code").asText();
        module = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbegeleiding")
                .replace("\"languages\"", "\"methods\": [\"" + method + "\"], \"intensity\": \"wekelijks\", \"cost\": \"gratis\", "
                        + "\"referralPreparation\": \"Breng het verslag mee.\", \"ageMinMonths\": -9, \"languages\"")
                .replace("\"ageMinMonths\": 144, ", "")).id();
        admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": 4, \"expectedWaitDays\": 70, "
                + "\"expectedFirstContactDays\": 10, \"note\": \"Intake op dinsdag.\"}");
        location = admin.post("/api/v1/organisations/" + organisation + "/locations", "{\"name\": \"Onthaal\", \"street\": \"Markt 1\", "
                + "\"postcode\": \"8000\", \"latitude\": 51.2089, \"longitude\": 3.2242, \"confidential\": true, "
                + "\"openingHoursText\": \"ma t/m vr 9:00-12:00 en 13:00-17:00\\ndi 18:00-20:00 zonder afspraak\", "
                + "\"hoursNote\": \"Gesloten in de kerstvakantie\"}").id();
        engagement = admin.post("/api/v1/organisations/" + organisation + "/engagements", "{\"title\": \"GBO-aanmelding\", "
                + "\"description\": \"Twee consulten per maand.\", \"targetGroup\": \"1G1P-gezinnen\", \"capacityPerMonth\": 2, "
                + "\"responseTimeDays\": 5, \"zones\": [\"brugge\", \"oostkust\"], \"validFrom\": \"2026-01-01\", \"validTo\": \"2027-12-31\", "
                + "\"contactName\": \"Els Maes\", \"contactPhone\": \"050 44 55 66\", \"contactEmail\": \"els@cgg.example.be\", "
                + "\"moduleIds\": [" + module + "]}").id();
        admin.post("/api/v1/accounts", "{\"email\": \"an@cgg.example\", \"name\": \"An\", \"password\": \"" + Session.PASSWORD
                + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        an = Session.loggedIn(server, "an@cgg.example");
    }

    @Test
    void savingTheModuleFormUnchangedChangesNothing() {
        assertUnchanged("/beheer/modules/" + module, "/beheer/modules/" + module, "/api/v1/modules/" + module);
    }

    @Test
    void savingTheLocationFormUnchangedChangesNothing() {
        assertUnchanged("/beheer/locaties/" + location, "/beheer/locaties/" + location, "/api/v1/locations/" + location);
    }

    @Test
    void savingTheEngagementFormUnchangedChangesNothing() {
        assertUnchanged("/beheer/engagementen/" + engagement, "/beheer/engagementen/" + engagement, "/api/v1/engagements/" + engagement);
    }

    @Test
    void savingTheOrganisationFormUnchangedChangesNothing() {
        assertUnchanged("/beheer/organisaties/" + organisation + "/gegevens", "/beheer/organisaties/" + organisation + "/gegevens",
                "/api/v1/organisations/" + organisation);
    }

    @Test
    void savingAWaitingListUnchangedKeepsTheFirstContactDaysAndEverythingElse() {
        assertUnchanged("/wachtlijsten", "/wachtlijsten/" + module, "/api/v1/modules/" + module + "/availability",
                "confirmedAt", "confirmedBy", "stale");
    }

    private void assertUnchanged(String page, String action, String api, String... alsoMoving) {
        JsonNode before = comparable(admin.get(api).body(), alsoMoving);
        FormElement form = (FormElement) Jsoup.parse(an.get(page).body()).selectFirst("form[action=" + action + "]");
        assertThat(form).as("the form posting to " + action).isNotNull();
        String body = form.formData().stream().map(kv -> encode(kv.key()) + "=" + encode(kv.value()))
                .collect(Collectors.joining("&"));

        HttpResponse<String> saved = an.post(action, body);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(comparable(admin.get(api).body(), alsoMoving)).isEqualTo(before);
    }

    private static JsonNode comparable(JsonNode entry, String... alsoMoving) {
        ObjectNode copy = entry.deepCopy();
        for (String field : List.of("version", "updatedAt")) {
            copy.remove(field);
        }
        for (String field : alsoMoving) {
            copy.remove(field);
        }
        return copy;
    }
}
