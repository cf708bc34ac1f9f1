package be.hulpwijzer.web;

import be.hulpwijzer.indexer.hsds.HsdsImport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code java -jar hulpwijzer.jar import-hsds PATH}: fills the configured database from HSDS 3.0 services: a
 * JSON or NDJSON file, a directory or zip holding {@code services.ndjson} (as {@code /api/hsds/export.zip}
 * gives). One transaction: a wrong row keeps nothing.
 */
final class ImportCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);
    /** Larger files are refused rather than read into memory. */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    private ImportCommand() {
    }

    static void run(String[] args, Map<String, Object> datasource) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: import-hsds PATH (a JSON or NDJSON file of services, or a directory or zip with services.ndjson)");
        }
        String text = read(Path.of(args[1]));
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("hulpwijzer.demo-data", "false");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            HsdsImport importer = context.getBean(HsdsImport.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
            HsdsImport.Report report = transactions.executeWrite(status -> {
                try (PreparedStatement ps = status.getConnection().prepareStatement("select set_config('hulpwijzer.actor', 'import', true)")) {
                    ps.execute();
                }
                return importer.run(HsdsImport.services(text));
            });
            LOG.info("Imported {}: {} created, {} updated, {} unchanged", args[1], report.created(), report.updated(), report.unchanged());
        }
    }

    /** The services' text from a file, or from services.ndjson in a directory or zip (entries are read by name only). */
    static String read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return read(path.resolve("services.ndjson"));
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IllegalArgumentException(path + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (path.getFileName().toString().endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(path.toFile())) {
                ZipEntry services = zip.getEntry("services.ndjson");
                if (services == null) {
                    throw new IllegalArgumentException(path + " holds no services.ndjson: CSV-only data packages are not read yet");
                }
                if (services.getSize() > MAX_BYTES) {
                    throw new IllegalArgumentException("services.ndjson in " + path + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                return new String(zip.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
