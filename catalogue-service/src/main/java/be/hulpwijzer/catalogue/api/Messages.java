package be.hulpwijzer.catalogue.api;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The Dutch texts of the API's errors, from the bundle {@code i18n/api}. */
public final class Messages {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-BE");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.api", DUTCH);

    private Messages() {
    }

    /** The message, always formatted (so a pattern without arguments loses its doubled quotes too). */
    public static String get(String key, Object... args) {
        try {
            return new MessageFormat(BUNDLE.getString(key), DUTCH).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message for key " + key, e);
        }
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }

    /** Every key of the bundle (for the test that formats them all). */
    public static java.util.Set<String> keys() {
        return BUNDLE.keySet();
    }
}
