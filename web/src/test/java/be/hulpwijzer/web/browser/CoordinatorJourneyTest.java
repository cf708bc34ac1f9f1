package be.hulpwijzer.web.browser;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.testing.SearchTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator of zone Brugge mistypes the password, signs in, verifies an organisation of the zone, is
 * refused another zone's records in words a person understands, and signs out from the header; the page
 * behind the sign-in is then closed to that browser. At desktop and phone width.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinatorJourneyTest implements SearchTest {

    private static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    be.hulpwijzer.catalogue.testing.Sql sql;

    Playwright playwright;
    com.microsoft.playwright.Browser browser;
    long ours;
    long theirs;

    @BeforeAll
    void catalogueAndBrowser() throws Exception {
        fixtures.clean();
        Api admin = Api.admin(client);
        ours = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        long angst = admin.post("/api/v1/organisations/" + ours + "/modules", module("Angstbehandeling")).id();
        admin.put("/api/v1/modules/" + angst + "/availability", "{\"state\": \"free\", \"freePlaces\": 1}");
        theirs = admin.post("/api/v1/organisations", organisation("CKG Westhoek").replace("0403.170.701", "0412.345.614")).id();
        admin.post("/api/v1/organisations/" + theirs + "/modules",
                module("Gezinsondersteuning").replace("[\"brugge\", \"oostkust\"]", "[\"westhoek\"]"));
        admin.post("/api/v1/accounts", "{\"email\": \"coordinator@brugge.example\", \"name\": \"Els\", \"password\": \""
                + PASSWORD + "\", \"role\": \"coordinator\", \"zones\": [\"brugge\"]}");
        long caw = admin.post("/api/v1/organisations", organisation("CAW Noord-West-Vlaanderen").replace("0403.170.701", "0424.242.465")
                .replace("050 12 34 56", "050 66 30 60")).id();
        long late = admin.post("/api/v1/organisations/" + caw + "/modules", module("Contextbegeleiding jongeren")).id();
        admin.put("/api/v1/modules/" + late + "/availability", "{\"state\": \"waiting\", \"waiting\": 6, \"expectedWaitDays\": 60}");
        sql.run("update availability set confirmed_at = now() - interval '45 days' where module_id = " + late);
        admin.post("/api/v1/accounts", "{\"email\": \"jan@caw.example\", \"name\": \"Jan Peeters\", \"password\": \""
                + PASSWORD + "\", \"role\": \"editor\", \"organisations\": [" + caw + "]}");
        admin.get("/api/v1/search?q=autisme&zone=brugge&age=15");
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
        playwright.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop, 1280, 900", "phone, 360, 740"})
    void mistypesSignsInVerifiesIsRefusedAnotherZoneAndSignsOut(String name, int width, int height) {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height))) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/te-bevestigen");
            page.waitForURL("**/login");
            signIn(page, "niet mijn wachtwoord");
            assertThat(page.locator("main").textContent()).contains("Aanmelden lukte niet");
            Browser.look(page, "login-failed-" + name, width);

            signIn(page, PASSWORD);
            assertThat(page.url()).endsWith("/te-bevestigen");
            assertThat(page.locator("header nav.account").textContent()).contains("Signalen", "Rapport", "coordinator@brugge.example");
            assertThat(page.locator("main").textContent()).contains("CGG Brugge").doesNotContain("CKG Westhoek");
            page.waitForNavigation(() -> page.locator("tr:has-text('CGG Brugge') a:has-text('Verifiëren')").click());
            assertThat(page.locator("main").textContent()).contains("Verifiëren betekent");
            page.getByLabel("Contactgegevens").check();
            page.getByLabel("Wachttijden en vrije plaatsen").check();
            page.getByLabel("Opmerking").fill("Telefonisch overlopen met de teamverantwoordelijke");
            Browser.look(page, "coordinator-verify-" + name, width);
            page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Als geverifieerd bewaren")).click());
            assertThat(page.locator(".saved").textContent()).contains("geverifieerd");
            Browser.look(page, "coordinator-verified-" + name, width);

            page.navigate(server.getURL() + "/wijzigingen/" + theirs);
            assertThat(page.locator("main").textContent()).contains("Geen toegang", "niet beheert of niet opvolgt");
            assertThat(page.locator("main").textContent()).doesNotContain("CKG Westhoek", "Exception");
            Browser.look(page, "coordinator-refused-" + name, width);

            page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afmelden")).click());
            assertThat(page.locator("header nav.account").count()).isZero();
            page.navigate(server.getURL() + "/te-bevestigen");
            page.waitForURL("**/login");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop, 1280, 900", "phone, 360, 740"})
    void landsOnTheirZonesAndSeesWhomToChaseAndWhatWasMissed(String name, int width, int height) {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height))) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/login");
            signIn(page, PASSWORD);
            page.waitForURL("**/coordinatie");
            String main = page.locator("main").textContent();
            assertThat(main).contains("Mijn zones", "Brugge", "niet recent bevestigd", "CAW Noord-West-Vlaanderen",
                    "Contextbegeleiding jongeren", "Jan Peeters", "jan@caw.example", "050 66 30 60", "\u201cautisme\u201d")
                    .doesNotContain("CKG Westhoek");
            String mail = page.locator("a:has-text('Mail opstellen')").first().getAttribute("href");
            assertThat(mail).startsWith("mailto:jan@caw.example?subject=").contains("Contextbegeleiding%20jongeren", "%2Fte-bevestigen");
            Browser.look(page, "coordinator-landing-" + name, width);
        }
    }

    private static void signIn(Page page, String password) {
        Browser.signIn(page, "coordinator@brugge.example", password);
    }

}
