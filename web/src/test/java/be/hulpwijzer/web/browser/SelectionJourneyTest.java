package be.hulpwijzer.web.browser;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Media;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A care worker searches on a phone (and a laptop), keeps three modules for a family, opens the selection,
 * and prints it: the PDF, read back, holds every option with whom to call and when help can start.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectionJourneyTest implements SearchTest {

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

    @BeforeAll
    void catalogueAndBrowser() throws Exception {
        fixtures.clean();
        Api admin = Api.admin(client);
        long organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        for (String title : new String[]{"Angstbehandeling voor tieners", "Faalangsttraining", "Oudergroep angst", "Slaapproblemen"}) {
            long id = admin.post("/api/v1/organisations/" + organisation + "/modules", module(title)).id();
            admin.put("/api/v1/modules/" + id + "/availability", "{\"state\": \"waiting\", \"waiting\": 2, \"expectedWaitDays\": 35}");
        }
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
        playwright.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"phone, 360, 740", "desktop, 1280, 900"})
    void searchesKeepsThreeModulesAndPrintsThemForTheFamily(String name, int width, int height) throws Exception {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height))) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/?q=angst&age=15&domain=psychisch-welzijn");
            double firstCard = page.locator("li.card").first().boundingBox().y;
            assertThat(firstCard).as("the first result on the first screen, the filters folded").isLessThan(height);
            assertThat(page.locator("details.filters summary").textContent()).contains("leeftijd 15", "Psychisch welzijn");
            Browser.photograph(page, "results-first-" + name);
            page.navigate(server.getURL() + "/?q=angst");
            for (String title : new String[]{"Angstbehandeling voor tieners", "Faalangsttraining", "Oudergroep angst"}) {
                page.waitForNavigation(() -> page.locator("li.card:has(h3:has-text('" + title + "')) p.select a").click());
            }
            assertThat(page.locator("li.card.selected").count()).isEqualTo(3);
            Browser.look(page, "results-selected-" + name, width);

            page.waitForNavigation(() -> page.locator(".selection-link a").click());
            assertThat(page.locator("h1").textContent()).isEqualTo("Selectie voor het gezin");
            assertThat(page.locator("ol.selection > li").count()).isEqualTo(3);
            Browser.look(page, "selection-" + name, width);

            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setPath(Browser.SCREENSHOTS.resolve("selection-" + name + ".pdf")));
            String text;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(document);
            }
            assertThat(text).contains("Selectie voor het gezin", "Angstbehandeling voor tieners", "Faalangsttraining", "Oudergroep angst",
                    "Gedrukt op", "An Peeters", "Rechtstreeks toegankelijk", "± 5 weken wachten").doesNotContain("Slaapproblemen",
                    "Uit selectie halen", "Delen per e-mail");
            Browser.photograph(page, "selection-print-" + name);
        }
    }
}
