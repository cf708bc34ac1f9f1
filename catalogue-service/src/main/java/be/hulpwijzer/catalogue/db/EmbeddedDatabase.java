package be.hulpwijzer.catalogue.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL server run from the binaries shipped on the classpath, for running Hulpwijzer with
 * no database set up. Its data directory is kept between runs, so nothing typed is lost on a restart.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    /** How long {@link #close} waits for a stop that another thread began. */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final EmbeddedPostgres postgres;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path dataDirectory;
    private volatile boolean ownsShutdown;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL on a free port, with its data in {@code dataDirectory} (created if missing). */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /** Starts PostgreSQL on this port (0: a free one), with its data in {@code dataDirectory}: a restart keeps its address. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDirectory);
            database.ownShutdown();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * The library stops PostgreSQL from a shutdown hook of its own, which runs at the same time as the
     * application's: the change-feed follower and the connection pool then lose their server mid-flight and
     * warn. Its hook is taken away (possible when {@code java.base/java.lang} is opened to us, as the jar's
     * manifest does), so whoever started the database stops it, after the application. Without that access
     * the library's hook stays: the database still stops, with the warnings.
     */
    private void ownShutdown() {
        try {
            Class<?> hooks = Class.forName("java.lang.ApplicationShutdownHooks");
            java.lang.reflect.Field field = hooks.getDeclaredField("hooks");
            field.setAccessible(true);
            Object registered;
            synchronized (hooks) {
                registered = field.get(null);
            }
            if (registered instanceof Map<?, ?> map) {
                java.util.List<Thread> closers = map.keySet().stream().filter(Thread.class::isInstance).map(Thread.class::cast)
                        .filter(t -> t.getName().startsWith("postgres-") && t.getName().endsWith("-closer")).toList();
                closers.forEach(Runtime.getRuntime()::removeShutdownHook);
                ownsShutdown = !closers.isEmpty();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("the embedded PostgreSQL keeps its own shutdown hook: {}", e.toString());
        }
    }

    /** Whether only this application stops the database (its library's own shutdown hook taken away). */
    public boolean ownsShutdown() {
        return ownsShutdown;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** The Micronaut properties that point the default datasource at this server. */
    public Map<String, Object> datasourceProperties() {
        return Map.of(
                "datasources.default.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE,
                "datasources.default.username", USER,
                "datasources.default.password", "");
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * Stops PostgreSQL and returns once it has stopped. The library stops it from a shutdown hook of its own
     * too, and a second close returns at once while the first is still stopping: whoever deletes the data
     * directory after closing would delete it under a server still writing its last checkpoint. So this waits
     * until the server has removed its {@code postmaster.pid}, which it does last.
     */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
        Path running = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (Files.exists(running)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not stop within " + STOP_TIMEOUT + " in " + dataDirectory);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
