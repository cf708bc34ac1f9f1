package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.api.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The CSVs of an HSDS tabular data package, checked against the official package's schema (required columns,
 * UUIDs, numbers, unique ids, every foreign key pointing at a row of the package) and assembled into fully
 * nested services, as {@code /api/hsds/services/{id}} gives them. Every error names the file, the row (as a
 * spreadsheet numbers it, the header being row 1) and the column.
 */
final class HsdsTables {

    private static final Map<String, JsonNode> SCHEMAS = schemas();

    private final HsdsPackage.Source source;
    /** Per resource: its rows by id, in file order. */
    private final Map<String, Map<String, ObjectNode>> tables = new LinkedHashMap<>();
    /** Per resource: its file's name, for messages. */
    private final Map<String, String> files = new HashMap<>();

    HsdsTables(HsdsPackage.Source source) {
        this.source = source;
    }

    List<JsonNode> services() throws IOException {
        Map<String, String> paths = paths(source);
        for (Map.Entry<String, JsonNode> schema : SCHEMAS.entrySet()) {
            String path = paths.getOrDefault(schema.getKey(), schema.getValue().get("path").asText());
            if (source.has(path)) {
                files.put(schema.getKey(), path);
                tables.put(schema.getKey(), read(path, schema.getValue().get("schema")));
            }
        }
        if (!tables.containsKey("service") || !tables.containsKey("organization")) {
            throw HsdsPackage.invalid(source.label(), Messages.get("import.missingFile", source.label(),
                    tables.containsKey("service") ? "organizations.csv" : "services.csv"));
        }
        for (Map.Entry<String, Map<String, ObjectNode>> table : tables.entrySet()) {
            checkReferences(table.getKey(), table.getValue());
        }
        Children children = new Children(tables);
        List<JsonNode> services = new ArrayList<>();
        for (ObjectNode row : tables.get("service").values()) {
            services.add(service(row.deepCopy(), children));
        }
        return services;
    }

    private ObjectNode service(ObjectNode s, Children children) {
        String id = s.get("id").asText();
        ObjectNode organization = tables.get("organization").get(s.get("organization_id").asText()).deepCopy();
        String organizationId = organization.get("id").asText();
        organization.set("organization_identifiers", children.of("organization_identifier", "organization_id", organizationId));
        ArrayNode organizationPhones = HsdsServices.JSON.createArrayNode();
        children.of("phone", "organization_id", organizationId).forEach(p -> {
            if (!p.has("contact_id")) {
                organizationPhones.add(p);
            }
        });
        organization.set("phones", organizationPhones);
        organization.set("attributes", attributes(children, organizationId));
        s.set("organization", organization);
        ArrayNode at = s.putArray("service_at_locations");
        for (JsonNode link : children.of("service_at_location", "service_id", id)) {
            ObjectNode copy = (ObjectNode) link;
            ObjectNode location = tables.get("location").get(link.get("location_id").asText()).deepCopy();
            String locationId = location.get("id").asText();
            location.set("addresses", children.of("address", "location_id", locationId));
            location.set("schedules", children.of("schedule", "location_id", locationId));
            copy.set("location", location);
            at.add(copy);
        }
        s.set("service_areas", children.of("service_area", "service_id", id));
        s.set("languages", children.of("language", "service_id", id));
        s.set("required_documents", children.of("required_document", "service_id", id));
        ArrayNode contacts = children.of("contact", "service_id", id);
        contacts.forEach(c -> ((ObjectNode) c).set("phones", children.of("phone", "contact_id", c.get("id").asText())));
        s.set("contacts", contacts);
        s.set("attributes", attributes(children, id));
        return s;
    }

    /** The attributes linked to an object, each with its taxonomy term nested. */
    private ArrayNode attributes(Children children, String linkId) {
        ArrayNode attributes = children.of("attribute", "link_id", linkId);
        for (JsonNode attribute : attributes) {
            ObjectNode term = tables.getOrDefault("taxonomy_term", Map.of()).get(attribute.path("taxonomy_term_id").asText());
            if (term != null) {
                ((ObjectNode) attribute).set("taxonomy_term", term.deepCopy());
            }
        }
        return attributes;
    }

    private Map<String, ObjectNode> read(String path, JsonNode schema) throws IOException {
        String file = source.label() + "/" + path;
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        schema.get("fields").forEach(f -> fields.put(f.get("name").asText(), f));
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        String text = new String(source.read(path), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            for (JsonNode field : fields.values()) {
                if (field.path("constraints").path("required").asBoolean() && !header.contains(field.get("name").asText())) {
                    throw HsdsPackage.invalid(file, Messages.get("import.column", file, field.get("name").asText()));
                }
            }
            for (CSVRecord record : parser) {
                ObjectNode row = HsdsServices.JSON.createObjectNode();
                long number = record.getRecordNumber() + 1;
                for (String column : header) {
                    String value = record.isSet(column) ? record.get(column).strip() : "";
                    JsonNode field = fields.get(column);
                    boolean required = field != null && field.path("constraints").path("required").asBoolean();
                    if (value.isEmpty()) {
                        if (required && field.path("format").asText().equals("uuid")) {
                            throw cell(file, number, column, Messages.get("import.cellRequired"));
                        }
                        continue;
                    }
                    put(row, column, value, field, file, number);
                }
                String id = row.path("id").asText();
                if (rows.put(id, row) != null) {
                    throw cell(file, number, "id", Messages.get("import.cellDuplicate", id));
                }
                row.put("__row", number);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw HsdsPackage.invalid(file, Messages.get("import.csv", file, e.getMessage()));
        }
        return rows;
    }

    private static void put(ObjectNode row, String column, String value, JsonNode field, String file, long number) {
        if (field == null) {
            row.put(column, value);
            return;
        }
        if (field.path("format").asText().equals("uuid")) {
            try {
                UUID uuid = UUID.fromString(value);
                if (value.length() != 36) {
                    throw new IllegalArgumentException(value);
                }
                row.put(column, uuid.toString());
            } catch (IllegalArgumentException e) {
                throw cell(file, number, column, Messages.get("import.cellUuid", value));
            }
        } else if (field.path("type").asText().equals("number")) {
            try {
                row.put(column, new BigDecimal(value));
            } catch (NumberFormatException e) {
                throw cell(file, number, column, Messages.get("import.cellNumber", value));
            }
        } else {
            row.put(column, value);
        }
    }

    /** Every foreign key the official package declares for this resource points at a row of the package. */
    private void checkReferences(String resource, Map<String, ObjectNode> rows) {
        String file = source.label() + "/" + files.get(resource);
        for (JsonNode key : SCHEMAS.get(resource).path("schema").path("foreignKeys")) {
            String column = key.get("fields").asText();
            String target = key.at("/reference/resource").asText();
            Map<String, ObjectNode> targets = tables.getOrDefault(target, Map.of());
            for (ObjectNode row : rows.values()) {
                String value = row.path(column).asText("");
                if (!value.isEmpty() && !targets.containsKey(value)) {
                    throw cell(file, row.get("__row").asLong(), column, Messages.get("import.cellReference", value,
                            SCHEMAS.get(target).get("path").asText()));
                }
            }
        }
        rows.values().forEach(row -> row.remove("__row"));
    }

    private static be.hulpwijzer.catalogue.api.InvalidRequestException cell(String file, long row, String column, String message) {
        return HsdsPackage.invalid(file + ":" + row + ":" + column, Messages.get("import.cell", file, row, column, message));
    }

    /** The resources' paths as the package's own descriptor names them. */
    private static Map<String, String> paths(HsdsPackage.Source source) throws IOException {
        Map<String, String> paths = new HashMap<>();
        JsonNode descriptor;
        try {
            descriptor = HsdsServices.JSON.readTree(source.read("datapackage.json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw HsdsPackage.invalid(source.label(), Messages.get("import.notPackage", source.label()));
        }
        for (JsonNode resource : descriptor.path("resources")) {
            String path = resource.path("path").asText("");
            if (resource.hasNonNull("name") && !path.isEmpty()) {
                paths.put(resource.get("name").asText(), path);
            }
        }
        return paths;
    }

    private static Map<String, JsonNode> schemas() {
        try (InputStream in = HsdsTables.class.getResourceAsStream("/hsds/datapackage.json")) {
            Map<String, JsonNode> schemas = new LinkedHashMap<>();
            HsdsServices.JSON.readTree(in).get("resources").forEach(r -> schemas.put(r.get("name").asText(), r));
            return schemas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a resource grouped by one of their columns, read once per column. */
    private record Children(Map<String, Map<String, ObjectNode>> tables, Map<String, Map<String, List<ObjectNode>>> index) {

        Children(Map<String, Map<String, ObjectNode>> tables) {
            this(tables, new HashMap<>());
        }

        ArrayNode of(String resource, String column, String parent) {
            Map<String, List<ObjectNode>> byParent = index.computeIfAbsent(resource + "." + column, k -> {
                Map<String, List<ObjectNode>> grouped = new HashMap<>();
                tables.getOrDefault(resource, Map.of()).values().forEach(row -> {
                    if (row.hasNonNull(column)) {
                        grouped.computeIfAbsent(row.get(column).asText(), p -> new ArrayList<>()).add(row);
                    }
                });
                return grouped;
            });
            ArrayNode children = HsdsServices.JSON.createArrayNode();
            byParent.getOrDefault(parent, List.of()).forEach(row -> children.add(row.deepCopy()));
            return children;
        }
    }
}
