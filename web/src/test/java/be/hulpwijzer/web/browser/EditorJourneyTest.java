package be.hulpwijzer.web.browser;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** An organisation's editor logs in, updates a waiting list, and sees the change in search. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorJourneyTest implements SearchTest {

    private static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;

    Playwright playwright;
    com.microsoft.playwright.Browser browser;
    long module;

    @BeforeAll
    void catalogueAndBrowser() throws Exception {
        fixtures.clean();
        Api admin = Api.admin(client);
        long organisation = admin.post("/api/v1/organisations", organisation("CKG De Vlinder")).id();
        module = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Mobiele gezinsondersteuning")).id();
        admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": 4, \"expectedWaitDays\": 56}");
        admin.post("/api/v1/accounts", "{\"email\": \"an@vlinder.example\", \"name\": \"An\", \"password\": \"" + PASSWORD
                + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
        playwright.close();
    }

    @Test
    void logsInUpdatesTheWaitingListAndSeesItInSearch() throws Exception {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/wachtlijsten");
            page.waitForURL("**/login");
            Browser.signIn(page, "an@vlinder.example", PASSWORD);
            assertThat(page.url()).endsWith("/wachtlijsten");
            Browser.assertAccessible(page, "waiting-lists");
            be.hulpwijzer.web.browser.Browser.photograph(page, "waiting-lists-desktop");

            page.locator("#state-" + module).selectOption("free");
            page.locator("#free-" + module).fill("2");
            page.waitForNavigation(() -> page.locator("#module-" + module + " button:has-text('Opslaan')").click());
            assertThat(page.locator(".saved").textContent()).contains("Opgeslagen");
            assertThat(page.locator("#module-" + module + " .badge").textContent()).contains("2 plaatsen vrij");

            assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            page.navigate(server.getURL() + "/?q=gezinsondersteuning&availableNow=true");
            assertThat(page.locator(".card .badge").first().textContent()).contains("2 plaatsen vrij", "bevestigd vandaag");
        }
    }

    @Test
    void editsAModuleThroughItsFormSeesTheMistakeNextToTheFieldAndFindsTheNewTitle() throws Exception {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/login");
            Browser.signIn(page, "an@vlinder.example", PASSWORD);
            page.waitForNavigation(() -> page.getByText("Mijn organisatie").first().click());
            page.waitForNavigation(() -> page.getByText("CKG De Vlinder").click());
            page.waitForNavigation(() -> page.getByText("Mobiele gezinsondersteuning").click());
            be.hulpwijzer.web.browser.Browser.photograph(page, "module-form");
            assertAccessible(page);

            page.getByLabel("Titel").fill("Gezinsondersteuning aan huis");
            page.getByLabel("Westhoek (West-Vlaanderen)").check();
            page.getByLabel("E-mail contactpersoon").fill("geen adres");
            page.waitForNavigation(() -> page.locator("form.edit button[type=submit]").click());
            assertThat(page.locator("#foutoverzicht").textContent()).contains("E-mail contactpersoon");
            assertThat(page.locator(".field.invalid .error").textContent()).contains("is geen geldig e-mailadres");
            assertThat(page.getByLabel("Titel").inputValue()).isEqualTo("Gezinsondersteuning aan huis");
            assertThat(page.getByLabel("Westhoek (West-Vlaanderen)").isChecked()).isTrue();
            be.hulpwijzer.web.browser.Browser.photograph(page, "module-form-error");
            assertAccessible(page);

            page.getByLabel("E-mail contactpersoon").fill("an@vlinder.example");
            page.waitForNavigation(() -> page.locator("form.edit button[type=submit]").click());
            assertThat(page.locator(".saved").textContent()).contains("Opgeslagen");

            assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            page.navigate(server.getURL() + "/?q=" + java.net.URLEncoder.encode("gezinsondersteuning aan huis", java.nio.charset.StandardCharsets.UTF_8)
                    + "&zone=westhoek");
            assertThat(page.locator(".card h2, .card h3").first().textContent()).contains("Gezinsondersteuning aan huis");
        }
    }

    private static void assertAccessible(Page page) {
        Browser.assertAccessible(page, page.url());
    }
}
