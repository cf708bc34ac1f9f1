package be.hulpwijzer.web.selfservice;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Session;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** An editor logs in, updates waiting lists in one page, and nobody changes what is not theirs. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitingListsTest implements SearchTest {

    private static final String PASSWORD = Session.PASSWORD;

    @Inject
    EmbeddedServer server;
    @Inject
    @io.micronaut.http.client.annotation.Client("/")
    io.micronaut.http.client.HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;

    Api admin;
    long ours;
    long theirsModule;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        long organisation = admin.post("/api/v1/organisations", organisation("CKG De Vlinder")).id();
        ours = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Mobiele gezinsondersteuning")).id();
        admin.put("/api/v1/modules/" + ours + "/availability", "{\"state\": \"waiting\", \"waiting\": 4, \"expectedWaitDays\": 50}");
        long other = admin.post("/api/v1/organisations", organisation("CKG Ander").replace("0403.170.701", "0412.345.614")).id();
        theirsModule = admin.post("/api/v1/organisations/" + other + "/modules", module("Niet van ons")).id();
        admin.put("/api/v1/modules/" + theirsModule + "/availability", "{\"state\": \"closed\"}");
        for (String email : new String[]{"an@vlinder.example", "bert@vlinder.example"}) {
            admin.post("/api/v1/accounts", "{\"email\": \"" + email + "\", \"name\": \"X\", \"password\": \"" + PASSWORD
                    + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        Session anonymous = new Session(server);
        HttpResponse<String> page = anonymous.get("/wachtlijsten");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> post = anonymous.post("/wachtlijsten/" + ours, "state=free&freePlaces=2&_csrf=x");
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(anonymous.post("/login", "username=an@vlinder.example&password=fout").headers()
                .firstValue("Location").orElse("")).contains("/login?fout=1");
    }

    @Test
    void aLoginPostedAcceptingOnlyHtmlOrAnythingIsAnsweredAsABrowserIs() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        for (String accept : new String[]{"text/html", "*/*", "text/html,application/xhtml+xml,*/*;q=0.8"}) {
            java.net.http.HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/login"))
                    .header("Accept", accept).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", server.getURL().toString().replaceAll("/$", ""))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=an%40vlinder.example&password="
                            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(accept + ": " + login.body()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/wachtlijsten");
            assertThat(login.headers().allValues("Set-Cookie").toString()).contains("JWT=");
        }
    }

    @Test
    void aSignedOutCurlHearsItMustSignIn() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        java.net.http.HttpResponse<String> curl = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/wachtlijsten"))
                .header("Accept", "*/*").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(curl.statusCode()).isIn(303, 401);
        if (curl.statusCode() == 401) {
            assertThat(curl.body()).contains("Aanmelden nodig", "/login").doesNotContain("Er liep iets mis");
        } else {
            assertThat(curl.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
    }

    @Test
    void anEditorUpdatesAWaitingListAndSearchShowsIt() throws Exception {
        Session an = Session.loggedIn(server, "an@vlinder.example");
        HttpResponse<String> login = an.lastLogin();
        assertThat(login.headers().allValues("Set-Cookie").toString()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");

        String page = an.get("/wachtlijsten").body();
        assertThat(page).contains("Mobiele gezinsondersteuning").doesNotContain("Niet van ons");
        String csrf = Session.field(page, "_csrf");

        assertThat(an.post("/wachtlijsten/" + ours, "state=free&freePlaces=2&version=0").statusCode())
                .as("no CSRF token").isEqualTo(403);
        HttpResponse<String> saved = an.post("/wachtlijsten/" + ours, "state=free&freePlaces=2&version=0&_csrf=" + csrf);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(an.get("/wachtlijsten?bijgewerkt=" + ours).body()).contains("Opgeslagen", "2 plaatsen vrij");
        assertThat(admin.get("/api/v1/modules/" + ours + "/availability").body().get("confirmedBy").asText())
                .isEqualTo("an@vlinder.example");

        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(admin.get("/api/v1/search?availableNow=true").body().get("total").asInt()).isEqualTo(1);

        assertThat(an.post("/wachtlijsten/" + theirsModule, "state=free&freePlaces=9&_csrf=" + csrf).statusCode())
                .as("another organisation's module").isEqualTo(403);
        assertThat(admin.get("/api/v1/modules/" + theirsModule + "/availability").body().get("state").asText()).isEqualTo("closed");
    }

    @Test
    void theSecondOfTwoEditorsGetsAConflictAndKeepsWhatTheyTyped() {
        Session an = Session.loggedIn(server, "an@vlinder.example");
        Session bert = Session.loggedIn(server, "bert@vlinder.example");
        String anCsrf = Session.field(an.get("/wachtlijsten").body(), "_csrf");
        String bertCsrf = Session.field(bert.get("/wachtlijsten").body(), "_csrf");

        assertThat(an.post("/wachtlijsten/" + ours, "state=waiting&waiting=3&expectedWaitDays=40&version=0&_csrf=" + anCsrf)
                .statusCode()).isEqualTo(303);
        HttpResponse<String> late = bert.post("/wachtlijsten/" + ours,
                "state=waiting&waiting=8&expectedWaitDays=70&note=" + URLEncoder.encode("Bert typte dit", StandardCharsets.UTF_8)
                        + "&version=0&_csrf=" + bertCsrf);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Iemand anders heeft deze module intussen bijgewerkt", "value=\"Bert typte dit\"",
                "value=\"70\"");
        assertThat(admin.get("/api/v1/modules/" + ours + "/availability").body().get("expectedWaitDays").asInt()).isEqualTo(40);
    }

    @Test
    void wrongInputIsExplainedNextToTheModuleAndStillCorrectIsOneClick() {
        Session an = Session.loggedIn(server, "an@vlinder.example");
        String csrf = Session.field(an.get("/wachtlijsten").body(), "_csrf");
        HttpResponse<String> wrong = an.post("/wachtlijsten/" + ours, "state=free&freePlaces=-3&version=0&_csrf=" + csrf);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("&#x27;Vrije plaatsen&#x27; mag niet kleiner zijn dan 0.", "value=\"-3\"")
                .doesNotContain("freePlaces&#x27;", "&#x27;&#x27;");
        assertThat(an.post("/wachtlijsten/" + ours, "state=waiting&waiting=veel&version=0&_csrf=" + csrf).body())
                .contains("&#x27;Aantal wachtenden&#x27; moet een geheel getal zijn.");

        int before = admin.get("/api/v1/modules/" + ours + "/availability/history").body().size();
        assertThat(an.post("/wachtlijsten/" + ours + "/bevestigen", "version=0&_csrf=" + csrf).statusCode()).isEqualTo(303);
        assertThat(admin.get("/api/v1/modules/" + ours + "/availability/history").body().size()).isEqualTo(before + 1);
    }

    @Test
    void aWaitingListNeedsAWaitingCountAnExpectedWaitOrAnExplicitDontKnow() {
        Session an = Session.loggedIn(server, "an@vlinder.example");
        String csrf = Session.field(an.get("/wachtlijsten").body(), "_csrf");

        HttpResponse<String> bare = an.post("/wachtlijsten/" + ours, "state=waiting&version=0&_csrf=" + csrf);
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).contains("Geef bij een wachtlijst het aantal wachtenden of de verwachte wachttijd, of vink &#x27;Weet ik niet&#x27; aan.");
        assertThat(admin.put("/api/v1/modules/" + ours + "/availability", "{\"version\": 0, \"state\": \"waiting\"}").status())
                .as("the API asks the same").isEqualTo(400);
        assertThat(admin.get("/api/v1/modules/" + ours + "/availability").body().get("waiting").asInt()).as("nothing changed").isEqualTo(4);

        assertThat(an.post("/wachtlijsten/" + ours, "state=waiting&waitUnknown=true&version=0&_csrf=" + csrf).statusCode()).isEqualTo(303);
        assertThat(admin.get("/api/v1/modules/" + ours + "/availability").body().get("waitUnknown").asBoolean()).isTrue();
        assertThat(an.get("/wachtlijsten").body()).contains("name=\"waitUnknown\" value=\"true\" checked");
    }

    @Test
    void anUnknownAvailabilityCannotBeConfirmedAsStillCorrect() {
        Session an = Session.loggedIn(server, "an@vlinder.example");
        String csrf = Session.field(an.get("/wachtlijsten").body(), "_csrf");
        assertThat(an.post("/wachtlijsten/" + ours, "state=unknown&version=0&_csrf=" + csrf).statusCode()).isEqualTo(303);
        String confirmedAt = admin.get("/api/v1/modules/" + ours + "/availability").body().get("confirmedAt").asText();

        assertThat(an.get("/wachtlijsten").body()).doesNotContain("action=\"/wachtlijsten/" + ours + "/bevestigen\"")
                .contains("Een onbekende beschikbaarheid kan niet bevestigd worden");
        HttpResponse<String> page = an.post("/wachtlijsten/" + ours + "/bevestigen", "version=1&_csrf=" + csrf);
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("Een onbekende beschikbaarheid kan niet als &#x27;nog steeds correct&#x27; bevestigd worden");
        Api.Reply api = admin.post("/api/v1/modules/" + ours + "/availability/confirmation", "{\"version\": 1}");
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.body().get("detail").asText()).contains("kies eerst de toestand");
        assertThat(admin.get("/api/v1/modules/" + ours + "/availability").body().get("confirmedAt").asText()).isEqualTo(confirmedAt);
    }

    @Test
    void coordinatorsSeeTheSignalsAndEditorsDoNot() {
        admin.post("/api/v1/accounts", "{\"email\": \"co@westhoek.example\", \"name\": \"Co\", \"password\": \"" + PASSWORD
                + "\", \"role\": \"coordinator\", \"zones\": [\"westhoek\"]}");
        admin.get("/api/v1/search?q=angst&zone=westhoek&domain=psychisch-welzijn&age=15");
        Session co = Session.loggedIn(server, "co@westhoek.example");
        assertThat(co.get("/wachtlijsten").headers().firstValue("Location").orElse("")).as("a coordinator lands on their zones")
                .isEqualTo("/coordinatie");
        assertThat(co.get("/coordinatie").body()).contains("Mijn zones", "Westhoek", "href=\"/signalen\"");
        assertThat(co.post("/wachtlijsten/" + ours, "state=free&freePlaces=9&version=0&_csrf=x").statusCode())
                .as("coordinators do not change an organisation's entries").isEqualTo(403);
        HttpResponse<String> coordinator = co.get("/signalen");
        assertThat(coordinator.statusCode()).isEqualTo(200);
        assertThat(coordinator.body()).contains("Signalen", "12-17 jaar", "Psychisch welzijn", "Westhoek", "\u201cangst\u201d");
        assertThat(Session.loggedIn(server, "an@vlinder.example").get("/signalen").statusCode()).isEqualTo(403);
    }
}
