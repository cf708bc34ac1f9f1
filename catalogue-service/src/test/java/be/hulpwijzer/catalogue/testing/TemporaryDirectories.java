package be.hulpwijzer.catalogue.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories of tests, deleted when the test JVM exits (indexes and databases would pile up otherwise). */
public final class TemporaryDirectories {

    private TemporaryDirectories() {
    }

    /** A new empty directory, deleted with everything in it at exit (after {@code beforeDeleting}, if any). */
    public static Path create(String prefix, Runnable beforeDeleting) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (beforeDeleting != null) {
                    beforeDeleting.run();
                }
                deleteQuietly(directory);
            }));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path create(String prefix) {
        return create(prefix, null);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
