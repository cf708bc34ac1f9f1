package be.hulpwijzer.web.page;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The interface's words, in Dutch, from {@code i18n/web.properties}: for templates and for code. */
public final class Texts {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-BE");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.web", DUTCH);
    private static final Map<String, String> ALL;

    static {
        Map<String, String> all = new HashMap<>();
        BUNDLE.keySet().forEach(key -> all.put(key, new MessageFormat(BUNDLE.getString(key), DUTCH).format(new Object[0])));
        ALL = Collections.unmodifiableMap(all);
    }

    private Texts() {
    }

    public static String get(String key, Object... args) {
        return new MessageFormat(BUNDLE.getString(key), DUTCH).format(args);
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }

    /** Every text, for templates as {@code {{t.key}}}. */
    public static Map<String, String> all() {
        return ALL;
    }
}
