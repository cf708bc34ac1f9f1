package be.hulpwijzer.web.page;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How ages, waits and freshness read in Dutch on a card or a referral sheet. */
public final class Dutch {

    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-BE"));
    private static final int STALE_DAYS = be.hulpwijzer.catalogue.freshness.Freshness.STALE_DAYS;

    private Dutch() {
    }

    /** "12 tot 18 jaar", "zwangerschap tot 3 jaar", "vanaf 18 jaar", "6 maanden tot 3 jaar". */
    public static String ages(int minMonths, Integer maxMonths) {
        String from = minMonths < 0 ? Texts.get("agePregnancy") : age(minMonths);
        if (maxMonths == null) {
            return minMonths <= 0 ? Texts.get("ageAll") : Texts.get("ageFrom", from);
        }
        if (maxMonths < 0) {
            return Texts.get("ageRange", from, Texts.get("agePregnancy"));
        }
        // 215 months is "tot 18 jaar" (until the 18th birthday), and so is 216
        int toYears = maxMonths % 12 == 11 ? (maxMonths + 1) / 12 : maxMonths / 12;
        boolean wholeYears = maxMonths >= 12 && (maxMonths % 12 == 11 || maxMonths % 12 == 0);
        if (minMonths >= 0 && minMonths % 12 == 0 && wholeYears) {
            return Texts.get("ageRangeYears", minMonths / 12, toYears);
        }
        return Texts.get("ageRange", from, wholeYears ? Texts.get("years", toYears) : age(maxMonths));
    }

    /** One age: "15 jaar", "18 maanden", "zwangerschap". */
    public static String age(int months) {
        if (months < 0) {
            return Texts.get("agePregnancy");
        }
        if (months < 24 && months % 12 != 0) {
            return Texts.get("months", months);
        }
        return Texts.get("years", months / 12);
    }

    /** "3 plaatsen vrij", "± 12 weken wachten", "wachtlijst", "aanmelding gesloten", "onbekend". */
    public static String availability(String state, Integer freePlaces, Integer waitDays) {
        return switch (state == null ? "unknown" : state) {
            case "free" -> freePlaces == null || freePlaces <= 0 ? Texts.get("badgeFree")
                    : Texts.get("badgeFreePlaces", freePlaces);
            case "waiting" -> waitDays == null ? Texts.get("badgeWaiting") : wait(waitDays);
            case "closed" -> Texts.get("badgeClosed");
            default -> Texts.get("badgeUnknown");
        };
    }

    /** A figure of days in a report: "45 dagen", or a dash when there is none. */
    public static String days(@io.micronaut.core.annotation.Nullable Double value) {
        return value == null ? "–" : Texts.get("days", Math.round(value));
    }

    /** "± 12 weken wachten", "± 5 dagen wachten". */
    public static String wait(int days) {
        return days < 14 ? Texts.get("waitDays", days) : Texts.get("waitWeeks", Math.round(days / 7.0));
    }

    /** "bevestigd vandaag", "bevestigd 2 dagen geleden", "niet recent bevestigd (12 maart 2026)". */
    public static String freshness(Instant confirmedAt, Instant now) {
        if (confirmedAt == null) {
            return Texts.get("neverConfirmed");
        }
        long days = Duration.between(confirmedAt, now).toDays();
        if (days > STALE_DAYS) {
            return Texts.get("staleConfirmed", date(confirmedAt));
        }
        return days <= 0 ? Texts.get("confirmedToday") : days == 1 ? Texts.get("confirmedYesterday")
                : Texts.get("confirmedDaysAgo", days);
    }

    public static boolean stale(Instant confirmedAt, Instant now) {
        return confirmedAt == null || Duration.between(confirmedAt, now).toDays() > STALE_DAYS;
    }

    public static String date(Instant instant) {
        return DATE.format(instant.atZone(BRUSSELS));
    }

    /** "22 november 2026 om 21:40", Brussels time. */
    public static String dateTime(Instant instant) {
        return Texts.get("dateTime", date(instant), java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(BRUSSELS)));
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }
}
