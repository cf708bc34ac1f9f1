package be.hulpwijzer.catalogue.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed logins slow down the one who fails, not the account's owner. Two counts, each with growing delays:
 * per (e-mail, client address), which stops guessing one account's password, and per client address, which
 * stops trying one password on many accounts (spraying). A stranger elsewhere cannot lock anyone out: the
 * owner's own address has its own counts. While waiting, an attempt is refused without looking at the
 * password (and without counting); a right password from the same pair clears that pair's count. Counts are
 * forgotten a day after their last failure. Kept in PostgreSQL, so that every node applies the same counts.
 */
final class LoginThrottle {

    /** How many failures go free, and the longest wait after them; the wait doubles from one second. */
    record Rule(String kind, int free, Duration longest) {

        Duration delay(int failures) {
            if (failures < free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free, 20);
            Duration delay = Duration.ofSeconds(1L << doublings);
            return delay.compareTo(longest) > 0 ? longest : delay;
        }
    }

    static final Rule PAIR = new Rule("pair", 5, Duration.ofMinutes(15));
    static final Rule ADDRESS = new Rule("address", 30, Duration.ofMinutes(15));
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private LoginThrottle() {
    }

    /** The moment this e-mail may be tried again from this address; empty when it may be now. */
    static Optional<Instant> waitUntil(Connection c, String email, String address, Instant now) throws SQLException {
        Instant until = null;
        for (Rule rule : new Rule[]{PAIR, ADDRESS}) {
            try (PreparedStatement ps = c.prepareStatement("select failures, last_failure from login_throttle where key = ?")) {
                ps.setString(1, key(rule, email, address));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Instant last = rs.getTimestamp(2).toInstant();
                        Instant allowed = last.plus(rule.delay(rs.getInt(1)));
                        if (last.isAfter(now.minus(FORGOTTEN_AFTER)) && allowed.isAfter(now) && (until == null || allowed.isAfter(until))) {
                            until = allowed;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(until);
    }

    static void failed(Connection c, String email, String address, Instant now) throws SQLException {
        for (Rule rule : new Rule[]{PAIR, ADDRESS}) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into login_throttle (key, failures, last_failure) values (?, 1, ?)
                    on conflict (key) do update set last_failure = excluded.last_failure,
                        failures = case when login_throttle.last_failure < ? then 1 else login_throttle.failures + 1 end""")) {
                ps.setString(1, key(rule, email, address));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setTimestamp(3, Timestamp.from(now.minus(FORGOTTEN_AFTER)));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("delete from login_throttle where last_failure < ?")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(FORGOTTEN_AFTER)));
            ps.executeUpdate();
        }
    }

    static void succeeded(Connection c, String email, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from login_throttle where key = ?")) {
            ps.setString(1, key(PAIR, email, address));
            ps.executeUpdate();
        }
    }

    private static String key(Rule rule, String email, String address) {
        String subject = rule == PAIR ? email.strip().toLowerCase(Locale.ROOT) + "\u0000" + address : address;
        return rule.kind() + ":" + Secrets.hashToken(subject);
    }
}
