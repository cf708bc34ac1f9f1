package be.hulpwijzer.indexer.signals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Signals of missing help from the search log: the combinations most often searched, per month, with how
 * many found nothing and how many found nothing with room now.
 */
@jakarta.inject.Singleton
public class Signals {

    /** One combination of what was asked, in one month. */
    public record Signal(String month, List<String> terms, List<String> zones, List<String> domains, List<String> types,
                         @Nullable String ageBand, int searches, int withoutResults, int withoutRoomNow, List<String> access) {
    }

    /** A word that no module's text and no thesaurus entry understood, and how many searches used it. */
    public record UnknownWord(String word, int searches) {
    }

    /** Fewer searches than this and a word not understood is not shown: one family's surname must not surface. */
    public static final int UNKNOWN_WORD_SEARCHES = 3;

    private final JdbcOperations jdbc;
    private final SearchLog log;

    public Signals(JdbcOperations jdbc, SearchLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /** The signals of a region (searches naming one of its zones; all searches for everywhere) in its period. */
    @Connectable
    public List<Signal> of(be.hulpwijzer.catalogue.report.Region region, int limit) {
        log.flush();
        LocalDate start = region.from().atDay(1);
        LocalDate end = region.to().atEndOfMonth();
        return jdbc.execute(c -> {
            List<Signal> signals = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select to_char(searched_on, 'YYYY-MM'), terms, zones, domains, types, age_band, count(*),
                           count(*) filter (where hits = 0), count(*) filter (where hits_free = 0), access
                    from search_log where searched_on between ? and ? and (cardinality(?::text[]) = 0 or zones && ?::text[])
                    group by 1, 2, 3, 4, 5, 6, 10
                    having count(*) filter (where hits_free = 0) > 0
                    order by count(*) filter (where hits_free = 0) desc, count(*) desc, 1 desc
                    limit ?""")) {
                ps.setDate(1, Date.valueOf(start));
                ps.setDate(2, Date.valueOf(end));
                ps.setArray(3, c.createArrayOf("text", region.zones().toArray()));
                ps.setArray(4, c.createArrayOf("text", region.zones().toArray()));
                ps.setInt(5, Math.max(1, Math.min(limit, 1000)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        signals.add(new Signal(rs.getString(1), texts(rs, 2), texts(rs, 3), texts(rs, 4), texts(rs, 5),
                                rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), texts(rs, 10)));
                    }
                }
            }
            return signals;
        });
    }

    /** The words not understood in a region's period, used by at least {@link #UNKNOWN_WORD_SEARCHES} searches. */
    @Connectable
    public List<UnknownWord> unknownWords(be.hulpwijzer.catalogue.report.Region region, int limit) {
        log.flush();
        return jdbc.execute(c -> {
            List<UnknownWord> words = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select w, count(*) from search_log, unnest(unknown_words) w
                    where searched_on between ? and ? and (cardinality(?::text[]) = 0 or zones && ?::text[])
                    group by w having count(*) >= ? order by 2 desc, 1 limit ?""")) {
                ps.setDate(1, Date.valueOf(region.from().atDay(1)));
                ps.setDate(2, Date.valueOf(region.to().atEndOfMonth()));
                ps.setArray(3, c.createArrayOf("text", region.zones().toArray()));
                ps.setArray(4, c.createArrayOf("text", region.zones().toArray()));
                ps.setInt(5, UNKNOWN_WORD_SEARCHES);
                ps.setInt(6, Math.max(1, Math.min(limit, 1000)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        words.add(new UnknownWord(rs.getString(1), rs.getInt(2)));
                    }
                }
            }
            return words;
        });
    }

    private static List<String> texts(ResultSet rs, int column) throws java.sql.SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }

}
