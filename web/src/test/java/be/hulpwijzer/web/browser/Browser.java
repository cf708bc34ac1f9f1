package be.hulpwijzer.web.browser;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright for Java, without Playwright's own browser download.
 * The browser is {@code /usr/bin/chromium} (.ci/run installs it) or {@code HULPWIJZER_CHROMIUM}.
 */
final class Browser {

    /** Where screenshots of every page type land, at desktop and phone width. */
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final int CAPTURE_ATTEMPTS = 3;

    private Browser() {
    }

    /**
     * A full-page screenshot into {@link #SCREENSHOTS}. Headless Chromium now and then answers "Unable to capture
     * screenshot" when its compositor misses a frame on a busy machine (puppeteer#5341); the picture is a record
     * for people, not what a test asserts, so capturing is tried again, a bounded number of times.
     */
    static void photograph(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
                return;
            } catch (PlaywrightException e) {
                if (attempt == CAPTURE_ATTEMPTS || !String.valueOf(e.getMessage()).contains("Unable to capture screenshot")) {
                    throw e;
                }
            }
        }
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static com.microsoft.playwright.Browser chromium(Playwright playwright) {
        Path executable = Path.of(System.getenv().getOrDefault("HULPWIJZER_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Chromium at " + executable
                    + " (Debian: apt-get install -y chromium), or its path in HULPWIJZER_CHROMIUM");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true).setExecutablePath(executable)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update")));
    }

    /** Signs in through the login form as a person would, and waits for the page it leads to. */
    static void signIn(Page page, String email, String password) {
        page.getByLabel("E-mailadres").fill(email);
        page.getByLabel("Wachtwoord").fill(password);
        page.waitForNavigation(() -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Aanmelden")).click());
    }

    /** A person looks at the page: a screenshot to view, no accessibility violation, nothing wider than the screen. */
    static void look(Page page, String name, int width) {
        photograph(page, name);
        assertAccessible(page, name);
        Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) scrollWidth).intValue()).as(name + " scroll width").isLessThanOrEqualTo(width);
    }

    /** No WCAG 2.1 A or AA violation that axe finds on the page as it is now. */
    static void assertAccessible(Page page, String name) {
        org.assertj.core.api.Assertions.assertThat(new com.deque.html.axecore.playwright.AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze().getViolations()).as(name).isEmpty();
    }
}
