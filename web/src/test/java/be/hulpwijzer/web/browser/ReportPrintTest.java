package be.hulpwijzer.web.browser;

import be.hulpwijzer.catalogue.report.WaitingFigures;
import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.Sql;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator prints the period report for the IROJ on A4, portrait and landscape, and reads the heat
 * map on a laptop and a phone: no column is lost, nothing hides behind a horizontal scroll.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPrintTest implements SearchTest {

    private static final String PASSWORD = be.hulpwijzer.web.testing.Session.PASSWORD;
    /** The months of the trend: a year, as the report shows by default. */
    private static final int MONTHS = 12;

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    WaitingFigures figures;

    Playwright playwright;
    com.microsoft.playwright.Browser browser;

    @BeforeAll
    void catalogueAndBrowser() {
        fixtures.clean();
        Api admin = Api.admin(client);
        long organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        String[] domains = {"psychisch-welzijn", "gezin-opvoeding", "school-leren", "ontwikkeling-beperking", "vrienden-relaties",
            "lichamelijke-gezondheid", "wonen", "vrije-tijd", "geld-financien"};
        String[] zones = {"brugge", "oostkust", "westhoek", "we40", "midden-wvl", "middenkust", "regio-menen", "rits"};
        int n = 0;
        for (String domain : domains) {
            for (String zone : zones) {
                Api.Reply made = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Module " + (++n))
                        .replace("[\"psychisch-welzijn\"]", "[\"" + domain + "\"]").replace("[\"brugge\", \"oostkust\"]", "[\"" + zone + "\"]"));
                assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
                long module = made.id();
                admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": " + (n % 9 + 1)
                        + ", \"expectedWaitDays\": " + (20 + 13 * n % 300) + "}");
                for (int month = 0; month < MONTHS; month++) {
                    sql.run("insert into availability_history (module_id, state, expected_wait_days, confirmed_at) values (" + module
                            + ", 'waiting', " + (30 + 17 * (n + month) % 400) + ", '" + YearMonth.now().minusMonths(MONTHS - 1 - month).atDay(3)
                            + "T09:00:00Z')");
                }
            }
        }
        admin.post("/api/v1/accounts", "{\"email\": \"co@brugge.example\", \"name\": \"Els\", \"password\": \"" + PASSWORD
                + "\", \"role\": \"coordinator\", \"zones\": [\"brugge\"]}");
        figures.refresh();
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
        playwright.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"portrait, 703, 1000", "landscape, 1032, 700"})
    void theReportPrintsOnA4WithEveryColumn(String orientation, int printableWidth, int height) throws Exception {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/login");
            Browser.signIn(page, "co@brugge.example", PASSWORD);
            page.navigate(server.getURL() + "/rapport?regio=provincie:West-Vlaanderen");
            assertThat(page.locator("#report-trend + p + .table-scroll thead th").count()).as("a domain column and twelve months")
                    .isEqualTo(MONTHS + 1);

            // the printed page, as Chromium lays it out on the paper's printable width
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            page.setViewportSize(printableWidth, height);
            assertThat(overflowing(page, "table")).as("tables wider than the " + orientation + " page").isEmpty();
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(printableWidth);
            Object lastMonth = page.evaluate("() => { const th = document.querySelector('#report-trend + p + .table-scroll thead th:last-child');"
                    + " return th.getBoundingClientRect().right; }");
            assertThat(((Number) lastMonth).doubleValue()).as("the last month's column is on the paper").isLessThanOrEqualTo(printableWidth);
            Browser.photograph(page, "report-print-" + orientation);
            Files.createDirectories(Browser.SCREENSHOTS);
            byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setLandscape(orientation.equals("landscape"))
                    .setPrintBackground(true).setPath(Browser.SCREENSHOTS.resolve("report-" + orientation + ".pdf")));
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop, 1280, 900", "phone, 360, 740"})
    void theHeatMapFitsTheScreenAndKeepsItsCellLinks(String name, int width, int height) {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height))) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/wachtbeheer?provincie=West-Vlaanderen");
            assertThat(overflowing(page, "table.heatmap")).as("a heat map that scrolls sideways").isEmpty();
            Object visibleLinks = page.evaluate("() => [...document.querySelectorAll('a[href^=\"/?zone=westhoek&domain=\"]')]"
                    + ".filter(a => a.offsetParent !== null).length");
            assertThat(((Number) visibleLinks).intValue()).as("the Westhoek cells link to their search").isEqualTo(9);
            Browser.look(page, "heatmap-" + name, width);
        }
    }

    /** The visible tables whose content is wider than the box they are shown in. */
    @SuppressWarnings("unchecked")
    private static List<String> overflowing(Page page, String tables) {
        return (List<String>) page.evaluate("selector => [...document.querySelectorAll(selector)].filter(t => t.offsetParent !== null)"
                + ".filter(t => t.scrollWidth > t.parentElement.clientWidth + 1 || t.getBoundingClientRect().right > "
                + "document.documentElement.clientWidth + 1).map(t => (t.closest('section') || t).querySelector('h3, caption')?.textContent"
                + " || t.className)", tables);
    }
}
