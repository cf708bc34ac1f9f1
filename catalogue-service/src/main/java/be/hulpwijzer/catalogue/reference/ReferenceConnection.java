package be.hulpwijzer.catalogue.reference;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/**
 * Runs a read of reference data on a database connection. Only reads that reach the database take one: the
 * lists kept in memory are asked for on every search, and taking a pooled connection for each cost more than
 * the search's own parsing.
 */
@Singleton
@Connectable
public class ReferenceConnection {

    public <T> T read(Supplier<T> query) {
        return query.get();
    }
}
