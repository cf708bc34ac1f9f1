package be.hulpwijzer.catalogue.organisation;

import java.util.Optional;

/**
 * A Belgian enterprise number (KBO/BCE): ten digits, starting with 0 or 1, whose last two digits are
 * 97 minus the first eight modulo 97. Accepted as typed ("BE 0403.170.701", "0403170701").
 */
public final class EnterpriseNumber {

    private EnterpriseNumber() {
    }

    /** The number as ten digits, or empty when it is not a valid enterprise number. */
    public static Optional<String> normalise(String typed) {
        String digits = typed.replaceFirst("(?i)^BE", "").replaceAll("[\\s.]", "");
        if (digits.length() == 9) {
            digits = "0" + digits; // numbers from before 2023 were often written without the leading 0
        }
        if (!digits.matches("[01][0-9]{9}")) {
            return Optional.empty();
        }
        long base = Long.parseLong(digits.substring(0, 8));
        int check = Integer.parseInt(digits.substring(8));
        return 97 - base % 97 == check ? Optional.of(digits) : Optional.empty();
    }

    /** The usual written form, 0403.170.701. */
    public static String format(String digits) {
        return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
    }
}
