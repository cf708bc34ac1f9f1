package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.catalogue.report.Breakdowns;
import be.hulpwijzer.catalogue.report.PeriodFigures;
import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The period report as a CSV that Excel with Belgian settings opens as it is: semicolons, a decimal comma,
 * UTF-8 with a byte order mark, figures rounded to one decimal, and a Dutch name beside every code.
 * One table; the first column says which part of the report a row belongs to.
 */
final class ReportCsv {

    /** Excel reads a UTF-8 file as UTF-8 only when it starts with this mark. */
    static final String BOM = "\uFEFF";
    static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").build();
    static final List<String> HEADER = List.of("Onderdeel", "Regio", "Zone (code)", "Zone", "Levensdomein (code)", "Levensdomein",
            "Groep (code)", "Groep", "Maand", "Modules", "Nu plaats", "Wachtenden", "Mediaan wachttijd (dagen)",
            "P90 wachttijd (dagen)", "Niet recent bevestigd", "Niet recent bevestigd (%)", "Zoekopdrachten", "Zonder resultaat",
            "Zonder vrije plaats", "Gezocht", "Capaciteit per maand", "Reactietijd (dagen)");

    private final ReferenceData reference;

    ReportCsv(ReferenceData reference) {
        this.reference = reference;
    }

    String of(PeriodReport report) throws IOException {
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(HEADER);
            PeriodFigures.Totals totals = report.totals();
            print(csv, row("Totaal", report.region()).with("Maand", report.from() + " tot " + report.to())
                    .with("Modules", totals.modules()).with("Nu plaats", totals.freeNow()).with("Wachtenden", report.overall().waiting())
                    .with("Mediaan wachttijd (dagen)", number(report.overall().medianWaitDays())).with("Niet recent bevestigd", totals.stale())
                    .with("Niet recent bevestigd (%)", number(totals.staleShare() * 100)).with("Zoekopdrachten", report.searches()));
            for (Breakdowns.Comparison c : report.comparison()) {
                print(csv, figures(row("Vergelijking", c.name()), c.figures()));
            }
            for (var cell : report.waiting()) {
                print(csv, row("Wachttijd per zone en levensdomein", report.region()).with("Zone (code)", cell.zone())
                        .with("Zone", zoneName(cell.zone())).with("Levensdomein (code)", cell.lifeDomain())
                        .with("Levensdomein", CodeName.nameOf(reference.lifeDomains(), cell.lifeDomain())).with("Modules", cell.modules())
                        .with("Nu plaats", cell.freeNow()).with("Mediaan wachttijd (dagen)", number(cell.medianWaitDays()))
                        .with("P90 wachttijd (dagen)", number(cell.p90WaitDays())).with("Niet recent bevestigd", cell.stale()));
            }
            for (Breakdowns.Group g : report.byAccess()) {
                print(csv, figures(row("Per toegang", report.region()), g).with("Groep (code)", g.code())
                        .with("Groep", Messages.get("label.access." + g.code())));
            }
            for (Breakdowns.Group g : report.byType()) {
                print(csv, figures(row("Per soort hulp", report.region()), g).with("Groep (code)", g.code())
                        .with("Groep", CodeName.nameOf(reference.moduleTypes(), g.code())));
            }
            for (var month : report.trend()) {
                print(csv, row("Verloop per maand", report.region()).with("Levensdomein (code)", month.lifeDomain())
                        .with("Levensdomein", CodeName.nameOf(reference.lifeDomains(), month.lifeDomain())).with("Maand", month.month())
                        .with("Modules", month.modulesWithWait()).with("Mediaan wachttijd (dagen)", number(month.medianWaitDays())));
            }
            for (var e : report.engagements()) {
                print(csv, row("Engagementen", report.region()).with("Zone (code)", String.join(" ", e.zones()))
                        .with("Zone", zoneNames(e.zones())).with("Groep", e.organisation() + ": " + e.title())
                        .with("Capaciteit per maand", e.capacityPerMonth()).with("Reactietijd (dagen)", e.responseTimeDays()));
            }
            for (var s : report.unmetSearches()) {
                print(csv, row("Zoekopdrachten zonder (vrij) aanbod", report.region()).with("Zone (code)", String.join(" ", s.zones()))
                        .with("Zone", zoneNames(s.zones())).with("Levensdomein (code)", String.join(" ", s.domains()))
                        .with("Levensdomein", String.join(", ", s.domains().stream().map(d -> CodeName.nameOf(reference.lifeDomains(), d)).toList()))
                        .with("Maand", s.month()).with("Zoekopdrachten", s.searches()).with("Zonder resultaat", s.withoutResults())
                        .with("Zonder vrije plaats", s.withoutRoomNow()).with("Gezocht", describe(s)));
            }
        }
        return out.toString();
    }

    /** One row, filled by header name; what is not filled stays empty. */
    private static final class Row {
        private final Object[] cells = new Object[HEADER.size()];

        Row with(String column, @Nullable Object value) {
            int index = HEADER.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException(column);
            }
            cells[index] = value;
            return this;
        }
    }

    private static Row row(String part, String region) {
        return new Row().with("Onderdeel", part).with("Regio", region);
    }

    private static Row figures(Row row, Breakdowns.Group g) {
        return row.with("Modules", g.modules()).with("Nu plaats", g.freeNow()).with("Wachtenden", g.waiting())
                .with("Mediaan wachttijd (dagen)", number(g.medianWaitDays())).with("Niet recent bevestigd", g.stale())
                .with("Niet recent bevestigd (%)", number(share(g)));
    }

    private static void print(CSVPrinter csv, Row row) throws IOException {
        csv.printRecord(Arrays.stream(row.cells).map(v -> v == null ? "" : v).toList());
    }

    private static double share(Breakdowns.Group g) {
        return g.modules() == 0 ? 0 : 100.0 * g.stale() / g.modules();
    }

    /** One decimal, a decimal comma: 95,6. */
    static String number(@Nullable Double value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-BE")));
        return format.format(value);
    }

    private String zoneName(String code) {
        Zone zone = reference.zonesByCode().get(code);
        return zone == null ? code : zone.name();
    }

    private String zoneNames(List<String> codes) {
        return String.join(", ", codes.stream().map(this::zoneName).toList());
    }

    private static String describe(Signals.Signal s) {
        List<String> parts = new ArrayList<>();
        if (s.ageBand() != null) {
            parts.add(s.ageBand());
        }
        parts.addAll(s.terms());
        return String.join(" ", parts);
    }
}
