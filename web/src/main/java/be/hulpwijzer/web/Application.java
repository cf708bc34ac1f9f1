package be.hulpwijzer.web;

import be.hulpwijzer.catalogue.db.EmbeddedDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Starts Hulpwijzer. With {@code DATASOURCES_DEFAULT_URL} set it uses that PostgreSQL; otherwise it starts
 * an embedded PostgreSQL whose data lives under {@code HULPWIJZER_DATA_DIR} (default {@code ./data}) and
 * survives restarts.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        boolean generate = args.length > 0 && args[0].equals("generate");
        boolean importing = args.length > 0 && args[0].equals("import-hsds");
        Path data = Path.of(setting("HULPWIJZER_DATA_DIR", "hulpwijzer.data-dir", "./data")).toAbsolutePath().normalize();
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            backupOrRestore(args, data);
            return;
        }
        if (externalDatabaseConfigured()) {
            if (generate) {
                GenerateCommand.run(args, Map.of());
            } else if (importing) {
                ImportCommand.run(args, Map.of());
            } else {
                String secret = SessionSecret.shared(setting("DATASOURCES_DEFAULT_URL", "datasources.default.url", ""),
                        setting("DATASOURCES_DEFAULT_USERNAME", "datasources.default.username", ""),
                        setting("DATASOURCES_DEFAULT_PASSWORD", "datasources.default.password", ""));
                Micronaut.build(args).mainClass(Application.class).properties(Map.of(SessionSecret.PROPERTY, secret)).start();
            }
            return;
        }
        Path dataDirectory = data.resolve("postgres");
        LOG.info("Starting embedded PostgreSQL with its data in {}", dataDirectory);
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
        Map<String, Object> datasource = new java.util.HashMap<>(database.datasourceProperties());
        if (generate || importing) {
            try (database) {
                if (generate) {
                    GenerateCommand.run(args, datasource);
                } else {
                    ImportCommand.run(args, datasource);
                }
            }
            return;
        }
        ApplicationContext context;
        try {
            datasource.put(SessionSecret.PROPERTY, SessionSecret.get(data));
            context = Micronaut.build(args).mainClass(Application.class).properties(datasource).start();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        // Micronaut's own shutdown hook stops the application (closing it here too would deadlock with
        // it); this hook waits until it has, so nothing is still writing, then stops the database.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitStopped(context, Duration.ofSeconds(30));
            database.close();
        }, "hulpwijzer-database-shutdown"));
    }

    /** {@code backup FILE} and {@code restore FILE [--force]}, on the configured or the embedded database. */
    private static void backupOrRestore(String[] args, Path data) throws Exception {
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !args[2].equals("--force"))) {
            throw new IllegalArgumentException("usage: backup FILE | restore FILE [--force]");
        }
        boolean restoring = args[0].equals("restore");
        Path file = Path.of(args[1]).toAbsolutePath();
        BackupCommand.CheckedConsumer<BackupCommand.Target> command = target -> {
            if (restoring) {
                BackupCommand.restore(file, target);
            } else {
                BackupCommand.backup(file, target);
            }
        };
        if (externalDatabaseConfigured()) {
            command.accept(new BackupCommand.Target(setting("DATASOURCES_DEFAULT_URL", "datasources.default.url", ""),
                    setting("DATASOURCES_DEFAULT_USERNAME", "datasources.default.username", ""),
                    setting("DATASOURCES_DEFAULT_PASSWORD", "datasources.default.password", "")));
        } else {
            BackupCommand.embedded(data, restoring, args.length == 3, command);
        }
    }

    private static void awaitStopped(ApplicationContext context, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean externalDatabaseConfigured() {
        return !setting("DATASOURCES_DEFAULT_URL", "datasources.default.url", "").isBlank();
    }

    private static String setting(String environmentVariable, String systemProperty, String defaultValue) {
        String value = System.getProperty(systemProperty);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
