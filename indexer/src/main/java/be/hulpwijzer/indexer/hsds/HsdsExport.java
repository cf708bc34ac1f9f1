package be.hulpwijzer.indexer.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The whole public catalogue as one download: an HSDS 3.0 tabular data package ({@code datapackage.json}
 * and a CSV per object, columns exactly as the official package declares them) plus {@code services.ndjson}
 * with one fully nested service per line (with our {@code x_} extensions, which the CSVs cannot hold).
 * Written in one pass over the database, a batch of services at a time: {@code services.ndjson} straight into
 * the download (its first bytes leave at once), the tables through temporary files that follow it; memory stays
 * flat however large the catalogue is.
 */
@Singleton
public class HsdsExport {

    private static final int BATCH = 500;
    /** The official package's resources we fill, in the order the zip holds them. */
    static final List<String> RESOURCES = List.of("organization", "organization_identifier", "service", "location", "address",
            "schedule", "service_at_location", "service_area", "language", "contact", "phone", "required_document", "attribute",
            "taxonomy", "taxonomy_term");

    private final JdbcOperations jdbc;
    private final HsdsCatalogue catalogue;
    private final HsdsTaxonomies taxonomies;

    HsdsExport(JdbcOperations jdbc, HsdsCatalogue catalogue, HsdsTaxonomies taxonomies) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.taxonomies = taxonomies;
    }

    /** The official data package descriptor, narrowed to the resources we fill. */
    static ObjectNode descriptor() {
        try (InputStream in = HsdsExport.class.getResourceAsStream("/hsds/datapackage.json")) {
            ObjectNode official = (ObjectNode) HsdsServices.JSON.readTree(in);
            ArrayNode kept = HsdsServices.JSON.createArrayNode();
            for (JsonNode resource : official.get("resources")) {
                if (RESOURCES.contains(resource.get("name").asText())) {
                    kept.add(resource);
                }
            }
            official.put("name", "hulpwijzer-catalogue");
            official.put("title", "Hulpwijzer: de sociale kaart van de jeugdhulp in Vlaanderen en Brussel (HSDS 3.0)");
            official.set("resources", kept);
            return official;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(OutputStream out) throws IOException {
        ObjectNode descriptor = descriptor();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        for (JsonNode resource : descriptor.get("resources")) {
            List<String> fields = new ArrayList<>();
            resource.at("/schema/fields").forEach(f -> fields.add(f.get("name").asText()));
            columns.put(resource.get("name").asText(), fields);
            paths.put(resource.get("name").asText(), resource.get("path").asText());
        }
        Path directory = Files.createTempDirectory("hsds-export");
        try {
            Map<String, CSVPrinter> tables = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(directory.resolve(paths.get(table.getKey())),
                        StandardCharsets.UTF_8), CSVFormat.DEFAULT);
                printer.printRecord(table.getValue());
                tables.put(table.getKey(), printer);
            }
            Tables rows = new Tables(tables, columns);
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write(HsdsServices.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor));
            zip.closeEntry();
            // organizations (with their engagements, x_engagements) and services go straight into the download, so
            // that its first bytes leave at once; the tables, filled in the same pass, follow from their temporary files
            try {
                zip.putNextEntry(new ZipEntry("organizations.ndjson"));
                try (BufferedWriter organizations = entry(zip)) {
                    for (List<Long> batch : batches("select id from organisation where id > ? order by id limit " + BATCH)) {
                        for (ObjectNode organization : catalogue.organizations(batch)) {
                            organizations.write(organization.toString());
                            organizations.write('\n');
                            rows.organization(organization);
                        }
                    }
                }
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("services.ndjson"));
            } catch (IOException | RuntimeException e) {
                tables.values().forEach(HsdsExport::closeQuietly);
                throw e;
            }
            BufferedWriter services = entry(zip);
            try (services) {
                Set<String> locations = new HashSet<>();
                for (List<Long> batch : batches("select id from module where status <> 'ended' and id > ? order by id limit " + BATCH)) {
                    for (ObjectNode service : catalogue.services(batch)) {
                        services.write(service.toString());
                        services.write('\n');
                        rows.service(service, locations);
                    }
                }
                HsdsTaxonomies.ALL.forEach(t -> rows.add("taxonomy", HsdsServices.taxonomy(t)));
                taxonomies.terms().values().forEach(t -> rows.add("taxonomy_term", HsdsServices.term(t)));
            } finally {
                for (CSVPrinter printer : tables.values()) {
                    printer.close();
                }
            }
            zip.closeEntry();
            for (String path : paths.values()) {
                copy(zip, directory.resolve(path), path);
            }
            zip.finish();
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    /** A writer into the zip's current entry; closing it leaves the zip open. */
    private static BufferedWriter entry(ZipOutputStream zip) {
        return new BufferedWriter(new java.io.OutputStreamWriter(new java.io.FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void closeQuietly(CSVPrinter printer) {
        try {
            printer.close();
        } catch (IOException e) {
            // already failing
        }
    }

    private static void copy(ZipOutputStream zip, Path file, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    /** The ids the query gives, a batch at a time (keyset pagination, so a million rows never sit in memory). */
    private Iterable<List<Long>> batches(String query) {
        return () -> new java.util.Iterator<>() {
            private List<Long> batch;
            private long last;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (batch != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                List<Long> next = jdbc.execute(c -> {
                    List<Long> ids = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement(query)) {
                        ps.setLong(1, last);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                    }
                    return ids;
                });
                done = next.size() < BATCH;
                if (next.isEmpty()) {
                    return false;
                }
                last = next.get(next.size() - 1);
                batch = next;
                return true;
            }

            @Override
            public List<Long> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                List<Long> given = batch;
                batch = null;
                return given;
            }
        };
    }

    /** The CSV tables: each object's scalar fields under the official column names; nested objects in their own table. */
    private record Tables(Map<String, CSVPrinter> printers, Map<String, List<String>> columns) {

        void organization(ObjectNode organization) {
            add("organization", organization);
            each(organization, "organization_identifiers", "organization_identifier");
            each(organization, "phones", "phone");
            each(organization, "attributes", "attribute");
        }

        void service(ObjectNode service, Set<String> locations) {
            add("service", service);
            for (JsonNode link : service.path("service_at_locations")) {
                add("service_at_location", link);
                JsonNode location = link.get("location");
                if (locations.add(location.get("id").asText())) {
                    add("location", location);
                    each(location, "addresses", "address");
                    each(location, "schedules", "schedule");
                }
            }
            each(service, "service_areas", "service_area");
            each(service, "languages", "language");
            each(service, "required_documents", "required_document");
            each(service, "attributes", "attribute");
            for (JsonNode contact : service.path("contacts")) {
                add("contact", contact);
                each(contact, "phones", "phone");
            }
        }

        private void each(JsonNode parent, String field, String table) {
            parent.path(field).forEach(child -> add(table, child));
        }

        void add(String table, JsonNode object) {
            List<Object> row = new ArrayList<>();
            for (String column : columns.get(table)) {
                JsonNode value = object.get(column);
                row.add(value == null || value.isNull() || value.isContainerNode() ? "" : value.asText());
            }
            try {
                printers.get(table).printRecord(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
