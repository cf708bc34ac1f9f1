package be.hulpwijzer.indexer.testing;

import be.hulpwijzer.catalogue.testing.PostgresTest;
import be.hulpwijzer.catalogue.testing.TemporaryDirectories;

import java.util.HashMap;
import java.util.Map;

/** A test on the shared PostgreSQL with a search index of its own, in a fresh temporary directory (deleted at exit). */
public interface SearchTest extends PostgresTest {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PostgresTest.super.getProperties());
        properties.put("micronaut.server.netty.max-initial-line-length", "65536");
        properties.put("hulpwijzer.index-dir", TemporaryDirectories.create("hulpwijzer-index").toString());
        return properties;
    }
}
