package be.hulpwijzer.catalogue.location;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One weekly period a location is open: ISO day (1 = Monday), opening and closing time, and a note
 * ("zonder afspraak"). Maps onto an Open Referral HSDS schedule: {@code freq} WEEKLY, {@code byday}
 * ({@link #BYDAY}), {@code opens_at}, {@code closes_at}, {@code description}. Stored as
 * {@code day|opens|closes|note}; typed on forms as Dutch lines ("maandag t/m vrijdag 9:00-12:00 en
 * 13:00-17:00", "dinsdag 18:00-20:00 zonder afspraak").
 */
public record OpeningHours(int day, @JsonFormat(pattern = "HH:mm") LocalTime opens, @JsonFormat(pattern = "HH:mm") LocalTime closes,
                           @Nullable String note) {

    public static final List<String> DAYS = List.of("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag");
    private static final List<String> SHORT = List.of("ma", "di", "wo", "do", "vr", "za", "zo");
    /** The HSDS {@code byday} code of each day, Monday first. */
    public static final List<String> BYDAY = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final Comparator<OpeningHours> ORDER = Comparator.comparingInt(OpeningHours::day)
            .thenComparing(OpeningHours::opens, Comparator.naturalOrder());
    private static final Pattern LINE = Pattern.compile(
            "(?<from>[a-z]+)\\.?(?:\\s*(?:t/m|tot en met|-|–)\\s*(?<to>[a-z]+)\\.?)?\\s*:?\\s+(?<ranges>\\d{1,2}[:.u]\\d{2}\\s*[-–]\\s*\\d{1,2}[:.u]\\d{2}"
                    + "(?:\\s*(?:en|,|/|&)\\s*\\d{1,2}[:.u]\\d{2}\\s*[-–]\\s*\\d{1,2}[:.u]\\d{2})*)\\s*(?:[,(]\\s*)?(?<note>[^)]*?)\\)?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})[:.u](\\d{2})\\s*[-–]\\s*(\\d{1,2})[:.u](\\d{2})");

    @com.fasterxml.jackson.annotation.JsonProperty("dayName")
    public String dayName() {
        return DAYS.get(day - 1);
    }

    /** "maandag 09:00-12:00 (zonder afspraak)": read back by {@link #parse} to the same period. */
    public String line() {
        return dayName() + " " + opens + "-" + closes + (note == null ? "" : " (" + note + ")");
    }

    String stored() {
        return day + "|" + opens + "|" + closes + "|" + (note == null ? "" : note);
    }

    static OpeningHours fromStored(String value) {
        String[] parts = value.split("\\|", 4);
        return new OpeningHours(Integer.parseInt(parts[0]), LocalTime.parse(parts[1]), LocalTime.parse(parts[2]),
                parts.length < 4 || parts[3].isEmpty() ? null : parts[3]);
    }

    static List<OpeningHours> fromStored(List<String> values) {
        return values.stream().map(OpeningHours::fromStored).sorted(ORDER).toList();
    }

    /** The day for a Dutch name or abbreviation ("maandag", "ma", "Ma."), or an ISO number. */
    static Optional<Integer> dayOf(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT).replace(".", "");
        if (word.matches("[1-7]")) {
            return Optional.of(Integer.parseInt(word));
        }
        int index = DAYS.indexOf(word);
        if (index < 0) {
            index = SHORT.indexOf(word);
        }
        return index < 0 ? Optional.empty() : Optional.of(index + 1);
    }

    /**
     * The periods of some Dutch lines, one or more days with one or more time ranges each and a note; empty
     * when a line cannot be read (the caller names it).
     */
    static Optional<List<OpeningHours>> parse(String text) {
        List<OpeningHours> periods = new ArrayList<>();
        for (String raw : text.split("\\R|;")) {
            String line = raw.strip().replaceFirst("(?i)^op\\s+", "");
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            Optional<Integer> from = dayOf(m.group("from"));
            Optional<Integer> to = m.group("to") == null ? from : dayOf(m.group("to"));
            if (from.isEmpty() || to.isEmpty() || to.get() < from.get()) {
                return Optional.empty();
            }
            String note = m.group("note") == null || m.group("note").isBlank() ? null : m.group("note").strip();
            Matcher range = RANGE.matcher(m.group("ranges"));
            while (range.find()) {
                try {
                    LocalTime opens = LocalTime.of(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)));
                    LocalTime closes = LocalTime.of(Integer.parseInt(range.group(3)), Integer.parseInt(range.group(4)));
                    if (!closes.isAfter(opens)) {
                        return Optional.empty();
                    }
                    for (int day = from.get(); day <= to.get(); day++) {
                        periods.add(new OpeningHours(day, opens, closes, note));
                    }
                } catch (java.time.DateTimeException | NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(periods.stream().sorted(ORDER).toList());
    }

    /** A time as typed in JSON ("09:00"), or null when it is none. */
    @Nullable
    static LocalTime time(@Nullable String text) {
        try {
            return text == null ? null : LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
