package be.hulpwijzer.catalogue.testing;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.Map;

/** Implemented by tests that run against the shared real PostgreSQL test server. */
public interface PostgresTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return TestDatabase.properties();
    }
}
