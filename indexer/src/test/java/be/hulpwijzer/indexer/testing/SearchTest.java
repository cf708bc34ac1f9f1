package be.hulpwijzer.indexer.testing;

import be.hulpwijzer.catalogue.testing.PostgresTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** A test on the shared PostgreSQL with a search index of its own, in a fresh temporary directory. */
public interface SearchTest extends PostgresTest {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PostgresTest.super.getProperties());
        properties.put("micronaut.server.netty.max-initial-line-length", "65536");
        try {
            properties.put("hulpwijzer.index-dir", Files.createTempDirectory("hulpwijzer-index").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
