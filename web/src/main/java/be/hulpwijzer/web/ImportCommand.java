package be.hulpwijzer.web;

import be.hulpwijzer.indexer.hsds.HsdsImport;
import be.hulpwijzer.indexer.hsds.HsdsPackage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar hulpwijzer.jar import-hsds PATH}: fills the configured database from HSDS 3.0 services: a
 * JSON or NDJSON file of services, or an HSDS data package (a directory or zip: {@code services.ndjson} as
 * {@code /api/hsds/export.zip} gives, or the CSVs alone, as other Open Referral tools give). One transaction: a wrong row keeps nothing.
 */
final class ImportCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);
    private ImportCommand() {
    }

    static void run(String[] args, Map<String, Object> datasource) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: import-hsds PATH (a JSON or NDJSON file of services, or an HSDS data package: a directory or zip)");
        }
        HsdsPackage.Contents contents = HsdsPackage.read(Path.of(args[1]), args[1]);
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
                return importer.run(contents.services(), contents.organizations());
            });
            LOG.info("Imported {}: {} created, {} updated, {} unchanged", args[1], report.created(), report.updated(), report.unchanged());
        }
    }
}
