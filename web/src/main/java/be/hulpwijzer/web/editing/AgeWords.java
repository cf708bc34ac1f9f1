package be.hulpwijzer.web.editing;

import be.hulpwijzer.web.page.Texts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ages as people type them on a form ("zwangerschap", "0 jaar", "18 maanden", "tot en met 17 jaar",
 * "2 jaar en 6 maanden"), stored in months as the API wants them. An upper bound in whole years
 * includes that year: "17 jaar" is up to the 18th birthday (215 months), as is "tot 18 jaar". What is
 * shown reads back to the same months, so saving a form unchanged changes nothing.
 */
final class AgeWords {

    static final int PREGNANCY = -9;
    private static final Pattern AGE = Pattern.compile(
            "(-?\\d{1,4})\\s*(jaar|jr|j)?(?:\\s*(?:en|,)?\\s*(\\d{1,2})\\s*(?:maanden|maand|mnd|m))?");
    private static final Pattern MONTHS = Pattern.compile("(-?\\d{1,4})\\s*(?:maanden|maand|mnd|m)");

    private AgeWords() {
    }

    /** The months for what was typed, as text; what cannot be read is returned as typed (the API then names it). */
    static String months(String typed, boolean upper) {
        String text = typed.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return text;
        }
        boolean exclusive = text.startsWith("tot ") && !text.startsWith("tot en met ");
        text = text.replaceFirst("^(vanaf|van|tot en met|t/m|tot|tm)\\s+", "").replaceFirst("^de\\s+", "");
        if (text.startsWith("zwanger") || text.startsWith("prenata") || text.equals("voor de geboorte")) {
            return String.valueOf(upper ? -1 : PREGNANCY);
        }
        if (text.equals("geboorte")) {
            return "0";
        }
        Matcher months = MONTHS.matcher(text);
        if (months.matches()) {
            int value = Integer.parseInt(months.group(1));
            return String.valueOf(exclusive ? value - 1 : value);
        }
        Matcher age = AGE.matcher(text);
        if (!age.matches()) {
            return typed.strip();
        }
        int years = Integer.parseInt(age.group(1));
        if (age.group(3) != null) {
            return String.valueOf(years * 12 + Integer.parseInt(age.group(3)));
        }
        if (!upper) {
            return String.valueOf(years * 12);
        }
        return String.valueOf(exclusive ? years * 12 - 1 : years * 12 + 11);
    }

    /** Stored months as the form shows them: "zwangerschap", "12 jaar", "18 maanden", "17 jaar" (upper, up to 18). */
    static String words(int months, boolean upper) {
        if (months == (upper ? -1 : PREGNANCY)) {
            return Texts.get("agePregnancy");
        }
        if (months < 0) {
            return Texts.get("months", months);
        }
        if (upper) {
            if (months % 12 == 11 && months >= 23) {
                return Texts.get("years", (months - 11) / 12);
            }
        } else if (months % 12 == 0) {
            return Texts.get("years", months / 12);
        }
        if (months < 24) {
            return Texts.get("months", months);
        }
        return Texts.get("yearsAndMonths", months / 12, months % 12);
    }
}
