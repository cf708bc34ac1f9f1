package be.hulpwijzer.catalogue.db;

import be.hulpwijzer.seed.reference.ReferenceDataLoader;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;

import io.micronaut.jdbc.DataSourceResolver;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Loads the shipped reference data right after Flyway migrated the schema, before anything that
 * validates against zones or vocabularies can run. Eager ({@link Context}) so that it runs at start-up.
 */
@Context
public class ReferenceDataStartup {

    private final DataSource dataSource;

    /** Depend on this bean to run after the reference data is in place. */
    ReferenceDataStartup(DataSource dataSource, DataSourceResolver resolver) {
        // the raw pool, not the transaction-aware wrapper: this runs outside any transaction
        this.dataSource = resolver.resolve(dataSource);
    }

    @PostConstruct
    void load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ReferenceDataLoader.loadIfChanged(connection);
        }
    }
}
