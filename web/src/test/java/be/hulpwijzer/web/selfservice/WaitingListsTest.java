package be.hulpwijzer.web.selfservice;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** An editor logs in, updates waiting lists in one page, and nobody changes what is not theirs. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitingListsTest implements SearchTest {

    private static final String PASSWORD = "een lang genoeg wachtwoord";

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
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        Browser anonymous = new Browser(server.getURL().toString());
        HttpResponse<String> page = anonymous.get("/wachtlijsten");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> post = anonymous.post("/wachtlijsten/" + ours, "state=free&freePlaces=2&_csrf=x");
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(anonymous.post("/login", "username=an@vlinder.example&password=fout").headers()
                .firstValue("Location").orElse("")).contains("/login?fout=1");
    }

    @Test
    void anEditorUpdatesAWaitingListAndSearchShowsIt() throws Exception {
        Browser an = Browser.loggedIn(this, "an@vlinder.example");
        HttpResponse<String> login = an.lastLogin;
        assertThat(login.headers().allValues("Set-Cookie").toString()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");

        String page = an.get("/wachtlijsten").body();
        assertThat(page).contains("Mobiele gezinsondersteuning").doesNotContain("Niet van ons");
        String csrf = field(page, "_csrf");

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
    void theSecondOfTwoEditorsGetsAConflictAndKeepsWhatTheyTyped() throws Exception {
        Browser an = Browser.loggedIn(this, "an@vlinder.example");
        Browser bert = Browser.loggedIn(this, "bert@vlinder.example");
        String anCsrf = field(an.get("/wachtlijsten").body(), "_csrf");
        String bertCsrf = field(bert.get("/wachtlijsten").body(), "_csrf");

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
    void wrongInputIsExplainedNextToTheModuleAndStillCorrectIsOneClick() throws Exception {
        Browser an = Browser.loggedIn(this, "an@vlinder.example");
        String csrf = field(an.get("/wachtlijsten").body(), "_csrf");
        HttpResponse<String> wrong = an.post("/wachtlijsten/" + ours, "state=free&freePlaces=-3&version=0&_csrf=" + csrf);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("freePlaces", "value=\"-3\"");

        int before = admin.get("/api/v1/modules/" + ours + "/availability/history").body().size();
        assertThat(an.post("/wachtlijsten/" + ours + "/bevestigen", "version=0&_csrf=" + csrf).statusCode()).isEqualTo(303);
        assertThat(admin.get("/api/v1/modules/" + ours + "/availability/history").body().size()).isEqualTo(before + 1);
    }

    @Test
    void coordinatorsSeeTheSignalsAndEditorsDoNot() throws Exception {
        admin.post("/api/v1/accounts", "{\"email\": \"co@westhoek.example\", \"name\": \"Co\", \"password\": \"" + PASSWORD
                + "\", \"role\": \"coordinator\", \"zones\": [\"westhoek\"]}");
        admin.get("/api/v1/search?q=angst&zone=westhoek&domain=psychisch-welzijn&age=15");
        Browser co = Browser.loggedIn(this, "co@westhoek.example", "/signalen");
        assertThat(co.get("/wachtlijsten").body()).as("where login lands").contains("href=\"/signalen\"");
        assertThat(co.post("/wachtlijsten/" + ours, "state=free&freePlaces=9&version=0&_csrf=x").statusCode())
                .as("coordinators do not change an organisation's entries").isEqualTo(403);
        HttpResponse<String> coordinator = co.get("/signalen");
        assertThat(coordinator.statusCode()).isEqualTo(200);
        assertThat(coordinator.body()).contains("Signalen", "12-17 jaar", "Psychisch welzijn", "Westhoek", "\u201cangst\u201d");
        assertThat(Browser.loggedIn(this, "an@vlinder.example").get("/signalen").statusCode()).isEqualTo(403);
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1);
    }

    /** A client that keeps cookies and does not follow redirects, as a browser session would. */
    static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;
        HttpResponse<String> lastLogin;

        static Browser loggedIn(WaitingListsTest test, String email) throws Exception {
            return loggedIn(test, email, "/wachtlijsten");
        }

        static Browser loggedIn(WaitingListsTest test, String email, String landing) throws Exception {
            Browser browser = new Browser(test.server.getURL().toString());
            browser.lastLogin = browser.post("/login", "username=" + email + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
            assertThat(browser.lastLogin.headers().firstValue("Location").orElse("")).as(browser.lastLogin.statusCode() + " " + browser.lastLogin.body()).endsWith("/wachtlijsten");
            assertThat(landing).startsWith("/");
            return browser;
        }

        Browser(String base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create(base + path);
        }
    }
}
