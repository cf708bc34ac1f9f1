package be.hulpwijzer.catalogue.db;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Work that must happen once however many nodes run on one PostgreSQL (the waiting figures' refresh, later the
 * mail sender) is done by the node that holds the job's PostgreSQL advisory lock. The lock belongs to a
 * connection this node keeps for it: when the node dies, or loses its database, the connection ends and
 * PostgreSQL releases the lock, and the next node that asks takes the job over. A node asks before each
 * round of work, so the job moves within one round.
 */
@Singleton
public class Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    /** The advisory locks' first key: Hulpwijzer's ("HW"), so that they cannot collide with anyone else's. */
    private static final int CLASS = 0x4857;

    private final DataSource dataSource;
    private final Set<Job> held = new HashSet<>();
    private Connection connection;

    /** Jobs done by one node at a time; their number is the advisory lock's second key. */
    public enum Job {
        WAITING_FIGURES(1), MAIL(2);

        final int key;

        Job(int key) {
            this.key = key;
        }
    }

    Leadership(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource); // the raw pool: the lock's connection lives outside transactions
    }

    /** Whether this node does the job now: it holds the job's lock, or takes it because no node holds it. */
    public synchronized boolean leads(Job job) {
        try {
            if (connection != null && !connection.isValid(2)) {
                lose("its connection to PostgreSQL ended");
            }
            if (held.contains(job)) {
                return true;
            }
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                ps.setInt(1, CLASS);
                ps.setInt(2, job.key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        held.add(job);
                        LOG.info("This node now does {} (it holds the advisory lock)", job);
                    }
                }
            }
            return held.contains(job);
        } catch (SQLException e) {
            lose(e.getMessage());
            return false;
        }
    }

    /** Gives every job up (the locks go with the connection), so that another node takes them. */
    @PreDestroy
    public synchronized void resign() {
        lose("the node stops");
    }

    private void lose(String why) {
        if (!held.isEmpty()) {
            LOG.info("This node no longer does {}: {}", held, why);
        }
        held.clear();
        if (connection != null) {
            try (java.sql.Statement unlock = connection.createStatement()) {
                unlock.execute("select pg_advisory_unlock_all()"); // the pool may hand this connection to others
            } catch (SQLException e) {
                LOG.debug("The leadership connection could not unlock (it is gone, and its locks with it)", e);
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the leadership connection failed", e);
            }
            connection = null;
        }
    }
}
