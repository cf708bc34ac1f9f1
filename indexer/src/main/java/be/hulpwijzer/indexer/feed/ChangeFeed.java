package be.hulpwijzer.indexer.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the {@code change_feed} table by transaction id. Everything below the watermark has been applied;
 * a read returns the entries of transactions that finished since (xid below the current snapshot's xmin)
 * and the new watermark. A transaction still running is never passed over: its entries are read once it
 * ends, whatever its seq.
 */
public final class ChangeFeed {

    /** More entries than this in one read: a bulk load, cheaper to rebuild than to follow. */
    public static final int OVERFLOW = 200_000;

    private ChangeFeed() {
    }

    /** The watermark of "now": every transaction below it has ended. */
    public static String currentWatermark(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select pg_snapshot_xmin(pg_current_snapshot())::text");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    public static ChangeBatch read(Connection connection, String watermark) throws SQLException {
        Set<Long> modules = new HashSet<>();
        Set<Long> organisations = new HashSet<>();
        Set<String> methods = new HashSet<>();
        Set<Long> engagements = new HashSet<>();
        String next = watermark;
        int count = 0;
        boolean everything = false;
        try (PreparedStatement ps = connection.prepareStatement("""
                with s as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
                select s.xmin::text, f.kind, f.key from s
                left join change_feed f on f.xid >= ?::xid8 and f.xid < s.xmin
                limit ?""")) {
            ps.setString(1, watermark);
            ps.setInt(2, OVERFLOW + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    next = rs.getString(1);
                    String kind = rs.getString(2);
                    if (kind == null) {
                        continue;
                    }
                    count++;
                    String key = rs.getString(3);
                    switch (kind) {
                        case "module" -> modules.add(Long.parseLong(key));
                        case "organisation" -> organisations.add(Long.parseLong(key));
                        case "method" -> methods.add(key);
                        case "engagement" -> engagements.add(Long.parseLong(key));
                        case "everything" -> everything = true;
                        default -> throw new IllegalStateException("unknown change kind " + kind);
                    }
                }
            }
        }
        return new ChangeBatch(watermark, next, modules, organisations, methods, engagements, everything || count > OVERFLOW);
    }

    /** Drops entries every index has applied and that are older than an hour (kept a while for diagnosis). */
    public static int prune(Connection connection, String appliedWatermark) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "delete from change_feed where xid < ?::xid8 and changed_at < now() - interval '1 hour'")) {
            ps.setString(1, appliedWatermark);
            return ps.executeUpdate();
        }
    }
}
