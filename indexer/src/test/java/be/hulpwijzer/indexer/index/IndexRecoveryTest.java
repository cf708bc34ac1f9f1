package be.hulpwijzer.indexer.index;

import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.seed.demo.CatalogueLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index survives what happens to processes and disks: it replays the change feed from the position
 * committed with it, and what it cannot open it rebuilds from PostgreSQL.
 */
class IndexRecoveryTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @BeforeEach
    void catalogue() throws Exception {
        try (ApplicationContext context = start(directory.resolve("setup"));
             Connection connection = dataSource(context).getConnection(); Statement st = connection.createStatement()) {
            st.execute("truncate organisation, method restart identity cascade");
            CatalogueLoader.load(connection, new CatalogueLoader.Size(20, 120, false), 11L, Instant.now());
        }
    }

    @Test
    void replaysWhatChangedWhileItWasStopped() throws Exception {
        Path index = directory.resolve("index");
        try (ApplicationContext context = start(index)) {
            assertThat(manager(context).awaitCaughtUp(LIMIT)).isTrue();
        }
        try (ApplicationContext context = start(directory.resolve("other"));
             Connection connection = dataSource(context).getConnection(); Statement st = connection.createStatement()) {
            st.execute("update availability set state = 'free', free_places = 3, expected_wait_days = 0 where module_id % 3 = 0");
            st.execute("delete from module where id % 7 = 0");
            st.execute("update organisation set name = name || ' (nieuw)' where id = 2");
        }
        try (ApplicationContext context = start(index)) {
            IndexManager manager = manager(context);
            assertThat(manager.status().rebuilding()).as("opened, not rebuilt").isFalse();
            assertThat(manager.awaitCaughtUp(LIMIT)).isTrue();
            assertThat(indexed(manager)).isEqualTo(database(context));
        }
    }

    @Test
    void whatAKilledProcessLeavesOnDiskReplaysToEqualTheDatabase() throws Exception {
        Path index = directory.resolve("index");
        Path crashed = directory.resolve("crashed");
        try (ApplicationContext context = start(index)) {
            IndexManager manager = manager(context);
            assertThat(manager.awaitCaughtUp(LIMIT)).isTrue();
            CountDownLatch halfway = new CountDownLatch(1);
            AtomicReference<Exception> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Connection connection = dataSource(context).getConnection(); Statement st = connection.createStatement()) {
                    for (int i = 0; i < 400; i++) {
                        st.execute("update availability set expected_wait_days = " + i + ", state = 'waiting' where module_id = "
                                + (1 + i % 120));
                        if (i == 200) {
                            halfway.countDown();
                        }
                    }
                } catch (Exception e) {
                    failure.set(e);
                    halfway.countDown();
                }
            });
            writer.start();
            halfway.await();
            copy(index, crashed); // the files as they are at this moment, mid-stream: what kill -9 leaves
            writer.join();
            assertThat(failure.get()).isNull();
        }
        try (ApplicationContext context = start(crashed)) {
            IndexManager manager = manager(context);
            assertThat(manager.awaitCaughtUp(LIMIT)).isTrue();
            assertThat(indexed(manager)).isEqualTo(database(context));
        }
    }

    @Test
    void aCorruptIndexIsRebuiltFromTheDatabase() throws Exception {
        Path index = directory.resolve("index");
        try (ApplicationContext context = start(index)) {
            assertThat(manager(context).awaitCaughtUp(LIMIT)).isTrue();
        }
        try (Stream<Path> files = Files.walk(index)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, new byte[]{1, 2, 3});
            }
        }
        try (ApplicationContext context = start(index)) {
            IndexManager manager = manager(context);
            assertThat(manager.awaitCaughtUp(LIMIT)).isTrue();
            assertThat(indexed(manager)).isEqualTo(database(context)).isNotEmpty();
        }
    }

    @Test
    void aDeletedIndexIsRebuiltAndTruncatedTablesEmptyIt() throws Exception {
        Path index = directory.resolve("index");
        try (ApplicationContext context = start(index)) {
            assertThat(manager(context).awaitCaughtUp(LIMIT)).isTrue();
        }
        deleteRecursively(index);
        try (ApplicationContext context = start(index)) {
            IndexManager manager = manager(context);
            assertThat(manager.awaitCaughtUp(LIMIT)).isTrue();
            assertThat(indexed(manager)).isEqualTo(database(context)).hasSize(database(context).size()).isNotEmpty();

            try (Connection connection = dataSource(context).getConnection(); Statement st = connection.createStatement()) {
                st.execute("truncate organisation cascade");
            }
            // the truncate makes the follower rebuild; it is caught up once the rebuilt index is swapped in
            assertThat(manager.awaitCaughtUp(LIMIT)).isTrue();
            assertThat(indexed(manager)).isEmpty();
        }
    }

    /** Module id to what search shows of it. */
    private static Map<Long, String> indexed(IndexManager manager) throws IOException {
        return manager.current().orElseThrow().withSearcher(searcher -> {
            Map<Long, String> modules = new TreeMap<>();
            TermQuery all = new TermQuery(new Term(DocumentMapper.KIND, DocumentMapper.MODULE));
            for (ScoreDoc hit : searcher.search(all, Integer.MAX_VALUE).scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                var wait = doc.getField(DocumentMapper.WAIT_DAYS);
                modules.put(doc.getField(DocumentMapper.MODULE_ID).numericValue().longValue(),
                        doc.get(DocumentMapper.TITLE) + " | " + doc.get(DocumentMapper.ORGANISATION_NAME) + " | "
                                + doc.get(DocumentMapper.AVAILABILITY) + " | "
                                + (wait == null ? null : wait.numericValue().intValue()));
            }
            return modules;
        });
    }

    private static Map<Long, String> database(ApplicationContext context) throws Exception {
        Map<Long, String> modules = new TreeMap<>();
        try (Connection connection = dataSource(context).getConnection(); Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("""
                     select m.id, m.title || ' | ' || o.name || ' | ' || coalesce(a.state, 'unknown') || ' | '
                            || coalesce(a.expected_wait_days::text, 'null')
                     from module m join organisation o on o.id = m.organisation_id
                     left join availability a on a.module_id = m.id where m.status = 'active'""")) {
            while (rs.next()) {
                modules.put(rs.getLong(1), rs.getString(2));
            }
        }
        return modules;
    }

    private static ApplicationContext start(Path index) {
        Map<String, Object> properties = new HashMap<>(new SearchTest() { }.getProperties());
        properties.put("hulpwijzer.index-dir", index.toString());
        return ApplicationContext.run(properties, "test");
    }

    private static IndexManager manager(ApplicationContext context) {
        return context.getBean(IndexManager.class);
    }

    private static DataSource dataSource(ApplicationContext context) {
        return context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
    }

    /** Copies the files as they are, skipping any that a merge deletes meanwhile, as it could have before a crash. */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!file.getFileName().toString().equals("write.lock")) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file).toString()));
                    } catch (NoSuchFileException deletedMeanwhile) {
                        // gone between listing and copying
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // gone between listing and reading its attributes
                }
                throw failure;
            }
        });
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
