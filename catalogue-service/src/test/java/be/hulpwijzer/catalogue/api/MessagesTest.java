package be.hulpwijzer.catalogue.api;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every API message reads as a person would write it: single quotes, no placeholder left, with or without arguments. */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyMessageFormatsWithoutDoubledQuotesOrLeftoverPlaceholders() {
        assertThat(Messages.keys()).hasSizeGreaterThan(50);
        for (String key : Messages.keys()) {
            String text = Messages.get(key, argumentsFor(key));
            assertThat(text).as(key).doesNotContain("''").doesNotContainPattern("\\{\\d");
        }
    }

    @Test
    void aMessageWithoutArgumentsLosesItsDoubledQuotes() {
        assertThat(Messages.get("search.page")).isEqualTo("'page' begint bij 1.");
    }

    /** As many arguments as the pattern names, so each placeholder is filled. */
    static Object[] argumentsFor(String key) {
        String pattern = java.util.ResourceBundle.getBundle("i18n.api", java.util.Locale.forLanguageTag("nl-BE")).getString(key);
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        int count = 0;
        while (placeholder.find()) {
            count = Math.max(count, Integer.parseInt(placeholder.group(1)) + 1);
        }
        Object[] args = new Object[count];
        java.util.Arrays.fill(args, 1);
        return args;
    }
}
