package be.hulpwijzer.web.page;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every interface text reads as written, in code and in templates: single quotes, every placeholder filled. */
class TextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.web", Locale.forLanguageTag("nl-BE"));

    @Test
    void everyTextFormatsWithoutDoubledQuotesOrLeftoverPlaceholders() {
        for (String key : BUNDLE.keySet()) {
            String pattern = BUNDLE.getString(key);
            Matcher placeholder = PLACEHOLDER.matcher(pattern);
            int count = 0;
            while (placeholder.find()) {
                count = Math.max(count, Integer.parseInt(placeholder.group(1)) + 1);
            }
            Object[] args = new Object[count];
            java.util.Arrays.fill(args, 1);
            assertThat(Texts.get(key, args)).as(key).doesNotContain("''").doesNotContainPattern("\\{\\d");
            if (count == 0) {
                assertThat(Texts.all().get(key)).as("template text " + key).isEqualTo(Texts.get(key)).doesNotContain("''");
            }
        }
    }

    @Test
    void anApostropheInATextSurvives() {
        assertThat(Texts.get("pagesLabel")).isEqualTo("Pagina's");
        assertThat(Texts.all().get("pagesLabel")).isEqualTo("Pagina's");
    }
}
