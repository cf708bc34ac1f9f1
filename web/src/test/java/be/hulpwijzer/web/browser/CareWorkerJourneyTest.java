package be.hulpwijzer.web.browser;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.indexer.index.IndexManager;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
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

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** A care worker's journey in a real browser, with the mouse and with the keyboard only; accessibility and layout of every page type. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareWorkerJourneyTest implements SearchTest {


    @Inject
    be.hulpwijzer.catalogue.report.WaitingFigures figures;
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
    Browser browser;
    long organisationId;
    long freeModule;

    @BeforeAll
    void catalogueAndBrowser() throws Exception {
        fixtures.clean();
        Api api = Api.admin(client);
        organisationId = api.post("/api/v1/organisations", organisation("CGG Noord-West-Vlaanderen")).id();
        long waiting = api.post("/api/v1/organisations/" + organisationId + "/modules", module("Groepstraining angst")).id();
        api.put("/api/v1/modules/" + waiting + "/availability", "{\"state\": \"waiting\", \"waiting\": 6, \"expectedWaitDays\": 70}");
        freeModule = api.post("/api/v1/organisations/" + organisationId + "/modules", module("Angstbehandeling voor tieners")).id();
        api.put("/api/v1/modules/" + freeModule + "/availability", "{\"state\": \"waiting\", \"waiting\": 2, \"expectedWaitDays\": 30}");
        api.put("/api/v1/modules/" + freeModule + "/availability", "{\"version\": 0, \"state\": \"free\", \"freePlaces\": 2}");
        api.post("/api/v1/organisations/" + organisationId + "/engagements", """
                {"title": "GBO-doorverwijzingen binnen vijf dagen", "capacityPerMonth": 4, "responseTimeDays": 5,
                 "zones": ["brugge"], "validFrom": "2020-01-01"}""");
        api.post("/api/v1/accounts", "{\"email\": \"co@oostkust.example\", \"name\": \"Co\", \"password\": \""
                + be.hulpwijzer.web.testing.Session.PASSWORD + "\", \"role\": \"coordinator\", \"zones\": [\"oostkust\"]}");
        figures.refresh();
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        playwright = be.hulpwijzer.web.browser.Browser.playwright();
        browser = be.hulpwijzer.web.browser.Browser.chromium(playwright);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void searchesNarrowsToRoomNowOpensAResultAndItsReferralSheet() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/"));
            page.getByLabel("Wat zoekt u?").fill("angst 15 jaar Brugge");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Zoeken")).click();
            page.waitForURL("**/?q=*");
            assertThat(page.locator("#results-title").textContent()).isEqualTo("2 resultaten");

            assertThat(page.locator("details.filters[open]").count()).as("after a search the filters fold away").isZero();
            page.locator("details.filters summary").click();
            page.waitForNavigation(() -> page.getByLabel("Nu plaats vrij").check());
            assertThat(page.url()).contains("availableNow=true");
            assertThat(page.locator("#results-title").textContent()).isEqualTo("1 resultaat");
            assertThat(page.locator(".card .badge").textContent()).contains("2 plaatsen vrij", "bevestigd vandaag");

            page.locator(".card h3 a").first().click();
            page.waitForURL("**/modules/" + freeModule + "?**");
            assertThat(page.locator("h1").textContent()).isEqualTo("Angstbehandeling voor tieners");
            assertThat(page.locator(".referral").textContent()).contains("An Peeters", "Er is nu plaats");

            page.getByText("Verwijsfiche afdrukken").click();
            page.waitForURL("**/verwijsfiche?**");
            assertThat(page.locator("h1").textContent()).contains("Verwijsfiche");
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Afdrukken")).isVisible()).isTrue();

            page.goBack();
            page.goBack();
            assertThat(page.url()).contains("availableNow=true");
        }
    }

    @Test
    void theCoordinatorOpensTheHeatMapAtTheirZoneAndFollowsACellToTheMatchingSearch() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.getByLabel("E-mailadres").fill("co@oostkust.example");
            page.getByLabel("Wachtwoord").fill(be.hulpwijzer.web.testing.Session.PASSWORD);
            page.waitForNavigation(() -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Aanmelden")).click());
            page.waitForNavigation(() -> page.getByText("Wachtbeheer").last().click());
            assertThat(page.locator("table.heatmap tbody tr").first().locator("th").textContent()).contains("Oostkust", "uw zone");
            assertThat(page.locator("#detail-title").textContent()).isEqualTo("Per soort hulp en leeftijd: Oostkust, Psychisch welzijn");
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Oostkust, Psychisch welzijn:")).click();
            page.waitForURL("**/?zone=oostkust&domain=psychisch-welzijn");
            assertThat(page.locator("#results-title").textContent()).isEqualTo("2 resultaten");
        }
    }

    @Test
    void aCoordinatorTeachesSearchAWordAndACareWorkerFindsHelpWithItAtOnce() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/?q=tentamenvrees"));
            assertThat(page.locator("#empty-title").textContent()).isEqualTo("Geen hulp gevonden");
            page.navigate(url("/login"));
            page.getByLabel("E-mailadres").fill("co@oostkust.example");
            page.getByLabel("Wachtwoord").fill(be.hulpwijzer.web.testing.Session.PASSWORD);
            page.waitForNavigation(() -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Aanmelden")).click());
            page.navigate(url("/thesaurus?woord=tentamenvrees"));
            assertThat(page.getByLabel("Woorden en uitdrukkingen").inputValue()).isEqualTo("tentamenvrees");
            page.getByLabel("Woorden en uitdrukkingen").fill("tentamenvrees\nangst");
            page.getByLabel("Levensdomein (optioneel)").selectOption("psychisch-welzijn");
            page.waitForNavigation(() -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Groep toevoegen")).click());
            assertThat(page.locator("[role=status]").textContent()).contains("werkt meteen");
            page.navigate(url("/?q=tentamenvrees"));
            assertThat(page.locator(".card h3").allTextContents()).contains("Groepstraining angst");
            assertThat(page.locator(".card .matched").first().textContent()).contains("tentamenvrees (angst)");
        }
    }

    @Test
    void theSameSearchWorksWithTheKeyboardOnly() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/"));
            tabUntil(page, "q");
            page.keyboard().type("angst 15 jaar Brugge");
            page.waitForNavigation(() -> page.keyboard().press("Enter"));
            assertThat(page.locator("#results-title").textContent()).isEqualTo("2 resultaten");
            tabUntil(page, "filters-toggle");
            page.keyboard().press("Enter");
            tabUntil(page, "availableNow");
            page.waitForNavigation(() -> page.keyboard().press("Space"));
            assertThat(page.url()).contains("availableNow=true");
            tabUntilLink(page, "Angstbehandeling voor tieners");
            page.waitForNavigation(() -> page.keyboard().press("Enter"));
            assertThat(page.locator("h1").textContent()).isEqualTo("Angstbehandeling voor tieners");
            tabUntilLink(page, "Verwijsfiche afdrukken");
            page.waitForNavigation(() -> page.keyboard().press("Enter"));
            assertThat(page.locator("h1").textContent()).contains("Verwijsfiche");
        }
    }

    @Test
    void everyPageTypeHasNoAccessibilityViolationsFitsAPhoneAndIsPhotographed() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("search", "/");
        pages.put("results", "/?q=angst&place=Brugge");
        pages.put("no-results", "/?q=angts&zone=westhoek");
        pages.put("situation", "/?q=meisje+van+15+met+angst+in+Brugge");
        pages.put("helplines", "/?q=zelfmoordgedachten");
        pages.put("module", "/modules/" + freeModule);
        pages.put("referral-sheet", "/modules/" + freeModule + "/verwijsfiche");
        pages.put("organisation", "/organisaties/" + organisationId);
        pages.put("zone", "/zones/brugge");
        pages.put("methods", "/methodieken");
        pages.put("engagements", "/engagementen");
        pages.put("not-found", "/bestaat-niet");
        pages.put("bad-request", "/?age=200");
        pages.put("login", "/login?fout=1");
        pages.put("waiting-overview", "/wachtbeheer");
        Map<String, String> coordinatorPages = new LinkedHashMap<>();
        coordinatorPages.put("coordination", "/coordinatie");
        coordinatorPages.put("verify", "/te-bevestigen/organisaties/" + organisationId + "/verifieren");
        coordinatorPages.put("report", "/rapport");
        coordinatorPages.put("signals", "/signalen");
        coordinatorPages.put("to-confirm", "/te-bevestigen");
        coordinatorPages.put("accounts", "/accounts");
        coordinatorPages.put("new-account", "/accounts/nieuw");
        coordinatorPages.put("password", "/account/wachtwoord");
        coordinatorPages.put("audit", "/wijzigingen/" + organisationId);
        coordinatorPages.put("thesaurus", "/thesaurus?q=wonen");
        Map<String, int[]> sizes = Map.of("desktop", new int[]{1280, 900}, "phone", new int[]{360, 740});
        for (Map.Entry<String, int[]> size : sizes.entrySet()) {
            checkPages(pages, size, false);
            checkPages(coordinatorPages, size, true);
        }
    }

    private void checkPages(Map<String, String> pages, Map.Entry<String, int[]> size, boolean asCoordinator) {
        {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size.getValue()[0], size.getValue()[1]))) {
                Page page = context.newPage();
                if (asCoordinator) {
                    page.navigate(url("/login"));
                    page.getByLabel("E-mailadres").fill("co@oostkust.example");
                    page.getByLabel("Wachtwoord").fill(be.hulpwijzer.web.testing.Session.PASSWORD);
                    page.waitForNavigation(() -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Aanmelden")).click());
                }
                for (Map.Entry<String, String> entry : pages.entrySet()) {
                    page.navigate(url(entry.getValue()));
                    String name = entry.getKey() + "-" + size.getKey();
                    be.hulpwijzer.web.browser.Browser.photograph(page, name);
                    AxeResults results = new AxeBuilder(page)
                            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
                    assertThat(describe(results.getViolations())).as(name).isEmpty();
                    Object width = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) width).intValue()).as(name + " scroll width").isLessThanOrEqualTo(size.getValue()[0]);
                }
            }
        }
    }

    private static List<String> describe(List<Rule> violations) {
        return violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "))).toList();
    }

    private static void tabUntil(Page page, String id) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            if (id.equals(page.evaluate("document.activeElement.id || document.activeElement.name"))) {
                return;
            }
        }
        throw new AssertionError("could not reach #" + id + " with Tab");
    }

    private static void tabUntilLink(Page page, String text) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            if (text.equals(String.valueOf(page.evaluate("document.activeElement.textContent")).strip())) {
                return;
            }
        }
        throw new AssertionError("could not reach link \"" + text + "\" with Tab");
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
