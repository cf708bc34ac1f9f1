package be.hulpwijzer.indexer.signals;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.util.List;

/** Signals as CSV: one row per month and combination asked; lists joined with a space. */
final class SignalsCsv {

    static final List<String> HEADER = List.of("month", "terms", "zones", "life_domains", "types", "age_band", "searches",
            "without_results", "without_room_now");

    private SignalsCsv() {
    }

    static String of(List<Signals.Signal> signals) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(HEADER);
            for (Signals.Signal s : signals) {
                csv.printRecord(s.month(), String.join(" ", s.terms()), String.join(" ", s.zones()), String.join(" ", s.domains()),
                        String.join(" ", s.types()), s.ageBand(), s.searches(), s.withoutResults(), s.withoutRoomNow());
            }
        }
        return out.toString();
    }
}
