package be.hulpwijzer.web.editing;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Session;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static be.hulpwijzer.web.testing.Session.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** An organisation's editors keep its details, locations, modules, engagements and tokens through forms. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditingPagesTest implements SearchTest {

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;

    Api admin;
    long organisation;
    long module;
    long otherModule;
    long other;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        module = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbegeleiding")).id();
        other = admin.post("/api/v1/organisations", organisation("CGG Ander").replace("0403.170.701", "0412.345.614")).id();
        otherModule = admin.post("/api/v1/organisations/" + other + "/modules", module("Niet van ons")).id();
        for (String email : List.of("an@cgg.example", "bert@cgg.example")) {
            admin.post("/api/v1/accounts", "{\"email\": \"" + email + "\", \"name\": \"X\", \"password\": \"" + Session.PASSWORD
                    + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        }
    }

    @Test
    void anEditorChangesAModuleThroughItsFormAndSearchFindsTheNewText() throws Exception {
        Session an = Session.loggedIn(server, "an@cgg.example");
        assertThat(an.get("/beheer").body()).contains("CGG Brugge").doesNotContain("CGG Ander");
        String form = an.get("/beheer/modules/" + module).body();
        assertThat(form).contains("value=\"Angstbegeleiding\"", "value=\"oostkust\" checked",
                "value=\"nl\" checked> Nederlands", "value=\"fr\" checked> Frans", "value=\"ar\"> Arabisch",
                "value=\"12 jaar\"", "value=\"18 jaar en 0 maanden\"");

        HttpResponse<String> saved = an.post("/beheer/modules/" + module, moduleForm("Faalangsttraining", "0", Session.field(form, "_csrf"))
                + "&zones=westhoek");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElse("")).isEqualTo("/beheer/organisaties/" + organisation + "?opgeslagen=1");
        JsonNode stored = admin.get("/api/v1/modules/" + module).body();
        assertThat(stored.get("title").asText()).isEqualTo("Faalangsttraining");
        assertThat(stored.get("zones").toString()).isEqualTo("[\"brugge\",\"westhoek\"]");
        assertThat(stored.get("contact").get("email").asText()).isEqualTo("an@cgg.example.be");
        assertThat(stored.get("ageMinMonths").asInt()).as("12 jaar").isEqualTo(144);
        assertThat(stored.get("ageMaxMonths").asInt()).as("tot en met 17 jaar: up to the 18th birthday").isEqualTo(215);
        assertThat(stored.get("languages").toString()).isEqualTo("[\"nl\",\"fr\"]");
        assertThat(an.get("/beheer/organisaties/" + organisation + "?opgeslagen=1").body()).contains("Opgeslagen", "Faalangsttraining");
        assertThat(an.get("/wijzigingen/" + organisation).body()).as("the audit log as a page")
                .contains("an@cgg.example", "Gewijzigd · module «Faalangsttraining»", "<dt>Titel</dt><dd>Angstbegeleiding → Faalangsttraining</dd>",
                        "<dt>Eerstelijnszones</dt><dd>Brugge, Oostkust → Brugge, Westhoek</dd>")
                .doesNotContain("version", "updated_at");

        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(admin.get("/api/v1/search?q=faalangst").body().at("/hits/0/id").asLong()).isEqualTo(module);
    }

    @Test
    void wrongInputIsExplainedInDutchNextToItsFieldAndWhatWasTypedStays() {
        Session an = Session.loggedIn(server, "an@cgg.example");
        String csrf = an.csrf("/beheer/modules/" + module);
        String typed = moduleForm("Nieuwe titel die blijft", "0", csrf)
                .replace("contact.email=an%40cgg.example.be", "contact.email=geen-adres")
                .replace("ageMinMonths=" + encode("12 jaar"), "ageMinMonths=twaalf");
        HttpResponse<String> page = an.post("/beheer/modules/" + module, typed);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Niet alles is in orde", "href=\"#f-contact-email\"",
                "&#x27;E-mail contactpersoon&#x27; is geen geldig e-mailadres.",
                "&#x27;Leeftijd vanaf&#x27; begrijpen we niet: schrijf bv. zwangerschap, 18 maanden of 12 jaar.",
                "value=\"geen-adres\"", "value=\"twaalf\"", "value=\"Nieuwe titel die blijft\"");
        assertThat(admin.get("/api/v1/modules/" + module).body().get("title").asText()).isEqualTo("Angstbegeleiding");
    }

    @Test
    void theSecondOfTwoEditorsGetsAConflictKeepsWhatTheyTypedAndOverwritesNothing() {
        Session an = Session.loggedIn(server, "an@cgg.example");
        Session bert = Session.loggedIn(server, "bert@cgg.example");
        String anCsrf = an.csrf("/beheer/modules/" + module);
        String bertCsrf = bert.csrf("/beheer/modules/" + module);

        assertThat(an.post("/beheer/modules/" + module, moduleForm("Titel van An", "0", anCsrf)).statusCode()).isEqualTo(303);
        HttpResponse<String> late = bert.post("/beheer/modules/" + module, moduleForm("Titel van Bert", "0", bertCsrf));

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Iemand anders heeft dit intussen opgeslagen", "value=\"Titel van Bert\"",
                "Intussen opgeslagen: Titel van An");
        assertThat(Session.field(late.body(), "version")).isEqualTo("1");
        assertThat(admin.get("/api/v1/modules/" + module).body().get("title").asText()).isEqualTo("Titel van An");

        assertThat(bert.post("/beheer/modules/" + module, moduleForm("Titel van Bert", "1", bertCsrf)).statusCode())
                .as("after seeing the difference, Bert saves deliberately").isEqualTo(303);
        assertThat(admin.get("/api/v1/modules/" + module).body().get("title").asText()).isEqualTo("Titel van Bert");
    }

    @Test
    void anEditorAddsAndRemovesLocationsAndEngagementsAndChangesTheOrganisation() {
        Session an = Session.loggedIn(server, "an@cgg.example");
        String csrf = an.csrf("/beheer/organisaties/" + organisation);

        HttpResponse<String> location = an.post("/beheer/organisaties/" + organisation + "/locaties/nieuw",
                "_csrf=" + csrf + "&name=Onthaal&street=" + encode("Markt 1") + "&postcode=8000&municipality=brugge&confidential=true"
                        + "&openingHoursText=" + encode("maandag t/m vrijdag 9:00-12:00\ndinsdag 18:00-20:00 zonder afspraak"));
        assertThat(location.statusCode()).as(location.body()).isEqualTo(303);
        JsonNode locations = admin.get("/api/v1/organisations/" + organisation + "/locations").body();
        assertThat(locations.get(0).get("confidential").asBoolean()).isTrue();
        assertThat(locations.get(0).get("nisCode").asText()).as("the municipality typed by name").isEqualTo("31005");
        assertThat(locations.get(0).get("openingHours").size()).as("five mornings and one evening").isEqualTo(6);
        assertThat(an.post("/beheer/organisaties/" + organisation + "/locaties/nieuw", "_csrf=" + csrf + "&name=X&postcode=8000"
                + "&openingHoursText=" + encode("altijd")).body()).contains("&#x27;Openingsuren&#x27; begrijpen we niet");
        assertThat(an.get("/beheer/organisaties/" + organisation).body()).contains("8000 Brugge (zone Brugge)");
        long locationId = locations.get(0).get("id").asLong();
        assertThat(an.post("/beheer/organisaties/" + organisation + "/locaties/nieuw", "_csrf=" + csrf + "&name=X&postcode=9999")
                .body()).contains("&#x27;9999&#x27; is geen postcode in Vlaanderen of Brussel.");

        HttpResponse<String> engagement = an.post("/beheer/organisaties/" + organisation + "/engagementen/nieuw",
                "_csrf=" + csrf + "&title=" + encode("GBO-aanmelding binnen 5 dagen") + "&zones=brugge&validFrom=2026-01-01");
        assertThat(engagement.statusCode()).as(engagement.body()).isEqualTo(303);
        long engagementId = admin.get("/api/v1/organisations/" + organisation + "/engagements").body().get(0).get("id").asLong();

        HttpResponse<String> details = an.post("/beheer/organisaties/" + organisation + "/gegevens", "_csrf=" + csrf
                + "&version=0&name=" + encode("CGG Brugge-Oostende") + "&sector=cgg&email=" + encode("info@cgg.example.be"));
        assertThat(details.statusCode()).as(details.body()).isEqualTo(303);
        assertThat(admin.get("/api/v1/organisations/" + organisation).body().get("name").asText()).isEqualTo("CGG Brugge-Oostende");

        assertThat(an.post("/beheer/locaties/" + locationId + "/verwijderen", "_csrf=" + csrf).statusCode()).isEqualTo(303);
        assertThat(an.post("/beheer/engagementen/" + engagementId + "/verwijderen", "_csrf=" + csrf).statusCode()).isEqualTo(303);
        assertThat(admin.get("/api/v1/organisations/" + organisation + "/locations").body().size()).isZero();
        assertThat(admin.get("/api/v1/organisations/" + organisation + "/engagements").body().size()).isZero();
    }

    @Test
    void theAuditLogSaysWhatChangedInWordsComparesListsAsSetsAndFilters() {
        admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": 3, \"expectedWaitDays\": 42}");
        Session an = Session.loggedIn(server, "an@cgg.example");
        String csrf = an.csrf("/wachtlijsten");
        assertThat(an.post("/wachtlijsten/" + module, "_csrf=" + csrf + "&version=0&state=waiting&waiting=3&expectedWaitDays=70")
                .statusCode()).isEqualTo(303);
        assertThat(an.post("/wachtlijsten/" + module + "/bevestigen", "_csrf=" + csrf + "&version=1").statusCode()).isEqualTo(303);
        String reordered = Fixtures.withVersion(module("Angstbegeleiding").replace("[\"psychisch-welzijn\"]",
                "[\"psychisch-welzijn\", \"gezin-opvoeding\"]"), 0);
        admin.put("/api/v1/modules/" + module, reordered);
        admin.put("/api/v1/modules/" + module, Fixtures.withVersion(module("Angstbegeleiding").replace("[\"psychisch-welzijn\"]",
                "[\"gezin-opvoeding\", \"psychisch-welzijn\"]"), 1));

        String log = an.get("/wijzigingen/" + organisation).body();
        assertThat(log).contains("Gewijzigd · beschikbaarheid van module «Angstbegeleiding»",
                "<dt>Wachttijd</dt><dd>6 weken → 10 weken</dd>",
                "Bevestigd als nog steeds correct · beschikbaarheid van module «Angstbegeleiding»",
                "<dt>Levensdomeinen</dt><dd>Psychisch welzijn → Gezin &amp; opvoeding, Psychisch welzijn</dd>")
                .doesNotContain("confirmed_at", "+00:00", "module " + module + " ");
        assertThat(log.split("Gewijzigd · module «Angstbegeleiding»").length - 1).as("reordering is no change").isEqualTo(1);
        assertThat(log).containsPattern("<strong>\\d{1,2} \\p{L}+ \\d{4} om \\d{2}:\\d{2}</strong>");

        String mine = an.get("/wijzigingen/" + organisation + "?wie=" + encode("an@cgg.example")).body();
        assertThat(mine).contains("Wachttijd").doesNotContain("Levensdomeinen</dt>");
        String other = an.get("/wijzigingen/" + organisation + "?item=module-" + otherModule).body();
        assertThat(other).contains("Nog geen wijzigingen.");
    }

    @Test
    void anEngagementWhoseEndDateHasPassedIsMarkedEndedNotCurrent() {
        long ended = admin.post("/api/v1/organisations/" + organisation + "/engagements", "{\"title\": \"Oud engagement\", "
                + "\"zones\": [\"brugge\"], \"validFrom\": \"2024-01-01\", \"validTo\": \"2025-06-30\"}").id();
        admin.post("/api/v1/organisations/" + organisation + "/engagements", "{\"title\": \"Lopend engagement\", "
                + "\"zones\": [\"brugge\"], \"validFrom\": \"2025-01-01\"}");
        Session an = Session.loggedIn(server, "an@cgg.example");

        assertThat(an.get("/beheer/organisaties/" + organisation).body())
                .contains("Oud engagement</a> · <strong>afgelopen op 30 juni 2025</strong>", "Lopend engagement</a> · geldig vanaf 1 januari 2025");
        assertThat(an.get("/beheer/engagementen/" + ended).body()).contains("Dit engagement is afgelopen op 30 juni 2025.");
        assertThat(an.get("/organisaties/" + organisation).body()).as("the public page")
                .contains("Lopend engagement").doesNotContain("Oud engagement");
    }

    @Test
    void anotherOrganisationsFormsCannotBeOpenedOrPosted() {
        Session an = Session.loggedIn(server, "an@cgg.example");
        String csrf = an.csrf("/beheer/modules/" + module);
        assertThat(an.get("/beheer/modules/" + otherModule).statusCode()).isEqualTo(403);
        assertThat(an.get("/wijzigingen/" + other).statusCode()).as("another organisation's changes").isEqualTo(403);
        assertThat(an.post("/beheer/modules/" + otherModule, moduleForm("Overgenomen", "0", csrf)).statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/modules/" + otherModule).body().get("title").asText()).isEqualTo("Niet van ons");
    }

    @Test
    void aTokenMadeOnThePageIsShownOnceWorksForItsOrganisationAndStopsWhenRevoked() {
        Session an = Session.loggedIn(server, "an@cgg.example");
        String csrf = an.csrf("/beheer/organisaties/" + organisation);
        HttpResponse<String> made = an.post("/beheer/organisaties/" + organisation + "/tokens", "_csrf=" + csrf + "&label=Planningssysteem");
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
        Matcher token = Pattern.compile("<code>(hw_[^<]+)</code>").matcher(made.body());
        assertThat(token.find()).isTrue();
        Api system = admin.withToken(token.group(1));
        assertThat(system.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"free\", \"freePlaces\": 1}").status())
                .isEqualTo(200);
        assertThat(system.put("/api/v1/modules/" + otherModule + "/availability", "{\"state\": \"free\", \"freePlaces\": 1}").status())
                .isEqualTo(403);
        assertThat(an.get("/beheer/organisaties/" + organisation).body()).contains("Planningssysteem").doesNotContain(token.group(1));

        long tokenId = admin.get("/api/v1/organisations/" + organisation + "/tokens").body().get(0).get("id").asLong();
        assertThat(an.post("/beheer/organisaties/" + organisation + "/tokens/" + tokenId + "/intrekken", "_csrf=" + csrf).statusCode())
                .isEqualTo(303);
        assertThat(system.put("/api/v1/modules/" + module + "/availability", "{\"version\": 0, \"state\": \"closed\"}").status())
                .isEqualTo(401);
    }

    private static String moduleForm(String title, String version, String csrf) {
        return "_csrf=" + csrf + "&version=" + version + "&title=" + encode(title)
                + "&description=" + encode("Kortdurende begeleiding voor jongeren met angst.")
                + "&type=consult&setting=ambulant&access=rtj&ageMinMonths=" + encode("12 jaar") + "&ageMaxMonths=" + encode("17 jaar")
                + "&lifeDomains=psychisch-welzijn&zones=brugge&languages=nl&languages=fr"
                + "&referralProcedure=" + encode("Bel het onthaal.") + "&contact.name=" + encode("An Peeters")
                + "&contact.phone=" + encode("050 12 34 56") + "&contact.email=" + encode("an.peeters@cgg.example.be").replace("an.peeters", "an")
                + "&status=active";
    }
}
