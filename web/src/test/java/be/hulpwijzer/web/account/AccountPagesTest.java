package be.hulpwijzer.web.account;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.Sql;
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

import java.net.http.HttpResponse;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static be.hulpwijzer.web.testing.Session.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** Coordinators make editor accounts for their zones; everyone changes their own password; stale entries are listed. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountPagesTest implements SearchTest {

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;

    Api admin;
    long brugge;
    long gent;
    long staleModule;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        brugge = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        gent = admin.post("/api/v1/organisations", organisation("CGG Gent").replace("0403.170.701", "0412.345.614")).id();
        staleModule = admin.post("/api/v1/organisations/" + brugge + "/modules", module("Angstbegeleiding")).id();
        long fresh = admin.post("/api/v1/organisations/" + brugge + "/modules", module("Ouderbegeleiding")).id();
        admin.post("/api/v1/organisations/" + gent + "/modules", module("In Gent").replace("\"brugge\", \"oostkust\"", "\"gent\""));
        admin.put("/api/v1/modules/" + staleModule + "/availability", "{\"state\": \"waiting\", \"waiting\": 5}");
        admin.put("/api/v1/modules/" + fresh + "/availability", "{\"state\": \"free\", \"freePlaces\": 1}");
        sql.run("update availability set confirmed_at = now() - interval '40 days' where module_id = " + staleModule);
        admin.post("/api/v1/accounts", "{\"email\": \"co@brugge.example\", \"name\": \"Co\", \"password\": \"" + Session.PASSWORD
                + "\", \"role\": \"coordinator\", \"zones\": [\"brugge\"]}");
        admin.post("/api/v1/accounts", "{\"email\": \"an@cgg.example\", \"name\": \"An\", \"password\": \"" + Session.PASSWORD
                + "\", \"role\": \"editor\", \"organisations\": [" + brugge + "]}");
    }

    @Test
    void aCoordinatorMakesAnEditorAccountOnlyForOrganisationsInTheirZones() {
        Session co = Session.loggedIn(server, "co@brugge.example");
        String form = co.get("/accounts/nieuw").body();
        assertThat(form).contains("CGG Brugge").doesNotContain("CGG Gent").doesNotContain("name=\"role\"");
        String csrf = Session.field(form, "_csrf");

        HttpResponse<String> refused = co.post("/accounts/nieuw", "_csrf=" + csrf + "&email=x%40gent.example&name=X&password="
                + encode(Session.PASSWORD) + "&organisations=" + gent);
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = co.post("/accounts/nieuw", "_csrf=" + csrf + "&email=geen-adres&name=Bert&password=kort");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("value=\"geen-adres\"", "value=\"Bert\"", "&#x27;E-mailadres&#x27; is geen geldig e-mailadres.")
                .doesNotContain("value=\"kort\"");

        HttpResponse<String> made = co.post("/accounts/nieuw", "_csrf=" + csrf + "&email=bert%40cgg.example&name=Bert&password="
                + encode(Session.PASSWORD) + "&organisations=" + brugge + "&role=administrator");
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(co.get("/accounts?gemaakt=1").body()).contains("bert@cgg.example", "Redacteur van een organisatie", "CGG Brugge");
        assertThat(Session.loggedIn(server, "bert@cgg.example").get("/beheer").body()).contains("CGG Brugge");
        assertThat(sql.column("select role from account where email = 'bert@cgg.example'")).containsExactly("editor");
    }

    @Test
    void anEditorChangesTheirPasswordAfterGivingTheCurrentOne() {
        Session an = Session.loggedIn(server, "an@cgg.example");
        String csrf = an.csrf("/account/wachtwoord");
        HttpResponse<String> wrong = an.post("/account/wachtwoord", "_csrf=" + csrf + "&currentPassword=fout&newPassword=kort");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"f-currentPassword\"", "id=\"f-newPassword\"").doesNotContain("value=\"fout\"");
        String next = "een nieuw en lang wachtwoord";
        assertThat(an.post("/account/wachtwoord", "_csrf=" + csrf + "&currentPassword=" + encode(Session.PASSWORD)
                + "&newPassword=" + encode(next)).statusCode()).isEqualTo(303);
        HttpResponse<String> login = new Session(server).post("/login", "username=an%40cgg.example&password=" + encode(next));
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/wachtlijsten");
    }

    @Test
    void staleEntriesAreListedForTheEditorAndTheCoordinatorWhoMarksTheOrganisationVerified() {
        Session an = Session.loggedIn(server, "an@cgg.example");
        String list = an.get("/te-bevestigen").body();
        assertThat(list).contains("Angstbegeleiding").doesNotContain("Ouderbegeleiding").doesNotContain("Actualiteit per organisatie");
        String csrf = Session.field(list, "_csrf");
        String version = admin.get("/api/v1/modules/" + staleModule + "/availability").body().get("version").asText();
        assertThat(an.post("/wachtlijsten/" + staleModule + "/bevestigen", "_csrf=" + csrf + "&version=" + version).statusCode())
                .isEqualTo(303);
        assertThat(an.get("/te-bevestigen").body()).doesNotContain("Angstbegeleiding").contains("Alles is recent bevestigd.");

        sql.run("update availability set confirmed_at = now() - interval '40 days' where module_id = " + staleModule);
        Session co = Session.loggedIn(server, "co@brugge.example");
        String overview = co.get("/te-bevestigen?zone=brugge").body();
        assertThat(overview).contains("Actualiteit per organisatie: Brugge", "CGG Brugge", "href=\"/te-bevestigen?organisatie=" + brugge + "\">1</a>")
                .doesNotContain("CGG Gent");
        assertThat(co.get("/te-bevestigen?organisatie=" + brugge).body()).contains("Angstbegeleiding");
        String csrf2 = co.csrf("/account/wachtwoord");
        assertThat(co.get("/te-bevestigen/organisaties/" + brugge + "/verifieren?zone=brugge").body())
                .as("what verifying means and what is still stale").contains("Verifiëren betekent", "Nog niet bevestigd", "Angstbegeleiding")
                .doesNotContain("Als geverifieerd bewaren");
        HttpResponse<String> refused = co.post("/te-bevestigen/organisaties/" + brugge + "/verifieren", "_csrf=" + csrf2
                + "&zone=brugge&checked=contact");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Nog 1 module niet bevestigd in de laatste 30 dagen (Angstbegeleiding)");

        sql.run("update availability set confirmed_at = now() where module_id = " + staleModule);
        assertThat(co.post("/te-bevestigen/organisaties/" + brugge + "/verifieren", "_csrf=" + csrf2 + "&zone=brugge").body())
                .as("nothing ticked").contains("&#x27;Wat u met de organisatie naging&#x27; moet minstens één waarde bevatten.");
        assertThat(co.post("/te-bevestigen/organisaties/" + brugge + "/verifieren", "_csrf=" + csrf2
                + "&zone=brugge&checked=contact&checked=waiting&note=" + encode("Telefonisch overlopen")).statusCode()).isEqualTo(303);
        assertThat(co.get("/te-bevestigen?zone=brugge&geverifieerd=1").body()).contains("co@brugge.example");
        assertThat(co.get("/te-bevestigen/organisaties/" + brugge + "/verifieren").body()).contains("Eerder geverifieerd",
                "co@brugge.example · Contactgegevens (telefoon, e-mail, adressen, contactpersonen), Wachttijden en vrije plaatsen · 2 modules",
                "Telefonisch overlopen");
        assertThat(co.post("/te-bevestigen/organisaties/" + gent + "/verifieren", "_csrf=" + csrf2 + "&checked=contact")
                .statusCode()).as("not in the coordinator's zones").isEqualTo(403);
    }
}
