package be.hulpwijzer.web;

import be.hulpwijzer.catalogue.db.EmbeddedDatabase;
import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.TestDatabase;
import be.hulpwijzer.indexer.testing.SearchTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code backup} while writes go on, {@code restore} into an empty database: every row committed before the backup is back. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTest implements SearchTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;

    @Test
    void aBackupTakenWhileWritesGoOnRestoresEveryRowCommittedBeforeIt(@TempDir Path directory) throws Exception {
        fixtures.clean();
        Api admin = Api.admin(client);
        long organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        long angst = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbehandeling")).id();
        admin.put("/api/v1/modules/" + angst + "/availability", "{\"state\": \"waiting\", \"waiting\": 4, \"expectedWaitDays\": 42}");
        admin.post("/api/v1/accounts", "{\"email\": \"an@cgg.example\", \"name\": \"An\", \"password\": \"een lang genoeg wachtwoord\", "
                + "\"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        BackupCommand.Target source = new BackupCommand.Target(TestDatabase.get().jdbcUrl(), EmbeddedDatabase.USER, "");

        List<Long> committed = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try (Connection c = source.connect(); PreparedStatement insert = c.prepareStatement(
                    "insert into search_log (terms, hits, hits_free, available_now) values ('{backup}', 1, 0, false) returning id")) {
                while (writing.get()) {
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        committed.add(rs.getLong(1)); // autocommit: committed once it returns
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "writer");
        writer.start();
        org.awaitility.Awaitility.await("writes going on").atMost(java.time.Duration.ofSeconds(30)).until(() -> committed.size() >= 50);
        Set<Long> before = new TreeSet<>(committed);
        Path backup = directory.resolve("hulpwijzer.backup");
        BackupCommand.backup(backup, source);
        writing.set(false);
        writer.join();

        try (EmbeddedDatabase empty = EmbeddedDatabase.start(directory.resolve("restored"))) {
            BackupCommand.Target target = new BackupCommand.Target(empty.jdbcUrl(), EmbeddedDatabase.USER, "");
            BackupCommand.restore(backup, target);
            Set<Long> restored = new TreeSet<>(column(target, "select id from search_log where terms = '{backup}'"));
            assertThat(restored).as("every search logged before the backup began").containsAll(before);
            assertThat(committed).as("and nothing that was never committed").containsAll(restored);
            for (String table : List.of("organisation", "module", "availability", "availability_history", "account",
                    "account_organisation", "audit_log", "zone", "postcode", "seed_state")) {
                String sql = "select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t";
                assertThat(column(target, sql)).as(table).isEqualTo(column(source, sql));
            }
            assertThat(column(target, "select count(*) from organisation where id = " + organisation)).containsExactly(1L);
            try (Connection c = target.connect(); Statement st = c.createStatement()) {
                st.execute("insert into organisation (name, sector) values ('Na het herstel', 'caw')"); // identities moved on
            }
        }
    }

    @Test
    void aRestoreIntoADataDirectoryThatHoldsADatabaseIsRefusedUnlessForced(@TempDir Path directory) throws Exception {
        try (EmbeddedDatabase existing = EmbeddedDatabase.start(directory.resolve("postgres"))) {
            existing.port();
        }
        assertThatThrownBy(() -> BackupCommand.embedded(directory, true, false, target -> { }))
                .hasMessageContaining("already holds a database");
    }

    private static List<Long> column(BackupCommand.Target target, String sql) throws Exception {
        List<Long> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Object value = rs.getObject(1);
                values.add(value instanceof Number n ? n.longValue() : (long) value.toString().hashCode());
            }
        }
        return values;
    }
}
