package be.hulpwijzer.catalogue.db;

import be.hulpwijzer.seed.demo.DemoCatalogue;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PostConstruct;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Loads the demo catalogue on the first start of an empty database, after the reference data it refers
 * to. Switched off with {@code HULPWIJZER_DEMO_DATA=false}.
 */
@Context
@Requires(property = "hulpwijzer.demo-data", notEquals = "false")
class DemoDataStartup {

    private final DataSource dataSource;
    private final Clock clock;

    DemoDataStartup(ReferenceDataStartup referenceData, DataSource dataSource, DataSourceResolver resolver, Clock clock) {
        this.dataSource = resolver.resolve(dataSource);
        this.clock = clock;
    }

    @PostConstruct
    void load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DemoCatalogue.loadOnFirstStart(connection, clock.instant());
        }
    }
}
