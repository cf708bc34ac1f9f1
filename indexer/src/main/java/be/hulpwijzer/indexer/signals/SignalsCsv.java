package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.util.List;

/**
 * Signals as a CSV for Excel with Belgian settings (as {@link ReportCsv}): one row per month and
 * combination asked; codes with their Dutch names beside them; lists joined with a space or a comma.
 */
final class SignalsCsv {

    static final List<String> HEADER = List.of("Maand", "Gezocht", "Zones (code)", "Zones", "Levensdomeinen (code)", "Levensdomeinen",
            "Soorten hulp (code)", "Leeftijd", "Zoekopdrachten", "Zonder resultaat", "Zonder vrije plaats");

    private SignalsCsv() {
    }

    static String of(List<Signals.Signal> signals, ReferenceData reference) throws IOException {
        StringBuilder out = new StringBuilder(ReportCsv.BOM);
        try (CSVPrinter csv = new CSVPrinter(out, ReportCsv.FORMAT)) {
            csv.printRecord(HEADER);
            for (Signals.Signal s : signals) {
                csv.printRecord(s.month(), String.join(" ", s.terms()), String.join(" ", s.zones()),
                        String.join(", ", s.zones().stream().map(z -> {
                            Zone zone = reference.zonesByCode().get(z);
                            return zone == null ? z : zone.name();
                        }).toList()),
                        String.join(" ", s.domains()), String.join(", ", s.domains().stream()
                                .map(d -> CodeName.nameOf(reference.lifeDomains(), d)).toList()),
                        String.join(" ", s.types()), s.ageBand(), s.searches(), s.withoutResults(), s.withoutRoomNow());
            }
        }
        return out.toString();
    }
}
