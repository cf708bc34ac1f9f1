package be.hulpwijzer.web.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards on the templates: every word shown comes from the message bundle, and every text they name exists. */
class TemplatesTest {

    private static final Path VIEWS = Path.of("src/main/resources/views");
    private static final Pattern TEXT_KEY = Pattern.compile("\\{\\{[^}]*?\\bt\\.([A-Za-z0-9_]+)");

    @Test
    void templatesShowNoWordsOutsideTheMessageBundle() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            String text = Files.readString(template)
                    .replaceAll("(?s)\\{\\{!--.*?--}}", "")
                    .replaceAll("\\{\\{[^}]*}}", "")
                    .replaceAll("(?s)<[^>]*>", "");
            Matcher words = Pattern.compile("\\p{L}{2,}").matcher(text);
            while (words.find()) {
                if (!words.group().equals("Hulpwijzer")) {
                    found.add(template.getFileName() + ": " + words.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyTextATemplateNamesIsInTheBundle() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher keys = TEXT_KEY.matcher(Files.readString(template));
            while (keys.find()) {
                if (!Texts.all().containsKey(keys.group(1))) {
                    missing.add(template.getFileName() + ": t." + keys.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(VIEWS)) {
            List<Path> templates = files.filter(p -> p.toString().endsWith(".hbs")).sorted().toList();
            assertThat(templates).hasSizeGreaterThan(10);
            return templates;
        }
    }
}
