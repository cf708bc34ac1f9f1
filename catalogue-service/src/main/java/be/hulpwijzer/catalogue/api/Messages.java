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

    public static String get(String key, Object... args) {
        try {
            String pattern = BUNDLE.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, DUTCH).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message for key " + key, e);
        }
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }
}
