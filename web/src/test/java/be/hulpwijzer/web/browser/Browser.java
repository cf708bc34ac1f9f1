package be.hulpwijzer.web.browser;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright for Java, without Playwright's own browser download.
 * The browser is {@code /usr/bin/chromium} (.ci/run installs it) or {@code HULPWIJZER_CHROMIUM}.
 */
final class Browser {

    private Browser() {
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
}
