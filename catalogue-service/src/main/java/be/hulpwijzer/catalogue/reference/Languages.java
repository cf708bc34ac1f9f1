package be.hulpwijzer.catalogue.reference;

import java.util.List;
import java.util.Locale;

/**
 * The languages help is offered in: stored as two-letter ISO 639-1 codes, shown and chosen by their
 * Dutch name (from the JDK's CLDR data, so "ar" reads "Arabisch"). The list offered on forms holds the
 * languages most asked for in Flemish and Brussels youth care; the API accepts any two-letter code.
 */
public final class Languages {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

    /** Offered on forms, Dutch, French, English and German first, then by how often families need them. */
    public static final List<String> OFFERED = List.of("nl", "fr", "en", "de", "ar", "tr", "pl", "ro", "bg", "es", "it", "pt",
            "ru", "uk", "fa", "ps", "so", "ti", "am", "ku", "sq", "hy", "zh", "ur", "sr");

    private Languages() {
    }

    /** "Arabisch" for "ar"; the code itself when the JDK does not know it. */
    public static String name(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(DUTCH);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
    }
}
