package be.hulpwijzer.web;

import be.hulpwijzer.seed.demo.CatalogueLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar hulpwijzer.jar generate --organisations 100000 --modules 1000000 [--seed 42] [--history]}:
 * adds a synthetic catalogue of that size to the configured database, for scale work.
 */
final class GenerateCommand {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

    private GenerateCommand() {
    }

    static void run(String[] args, Map<String, Object> datasource) throws Exception {
        Map<String, String> options = options(args);
        int organisations = Integer.parseInt(options.getOrDefault("organisations", "100000"));
        int modules = Integer.parseInt(options.getOrDefault("modules", "1000000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        boolean history = options.containsKey("history");
        if (organisations < 1 || modules < organisations) {
            throw new IllegalArgumentException("need at least one organisation and as many modules as organisations");
        }
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("hulpwijzer.demo-data", "false");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            Instant start = Instant.now();
            try (Connection connection = dataSource.getConnection()) {
                CatalogueLoader.Result result = CatalogueLoader.load(connection,
                        new CatalogueLoader.Size(organisations, modules, history), seed, Instant.now());
                try (var statement = connection.createStatement()) {
                    statement.execute("analyze"); // the planner's statistics for what was just bulk-loaded
                }
                LOG.info("Generated {} organisations and {} modules in {} s", result.organisations(), result.modules(),
                        Duration.between(start, Instant.now()).toSeconds());
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "true");
        }
        return options;
    }
}
