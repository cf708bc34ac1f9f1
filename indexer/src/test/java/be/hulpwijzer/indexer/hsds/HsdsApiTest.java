package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue published as Open Referral HSDS 3.0: every object valid against the official schemas (and
 * the UK profile), closed to anything but {@code x_} extensions, no nulls, stable UUIDs, page arithmetic,
 * filters that combine with AND, and clear 400s.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsApiTest implements SearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers
                    .mapPrefix("https://openreferraluk.org/specifications/3.0/schema/", "classpath:hsds/oruk-3.0/schema/")));

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;

    long cgg;
    long caw;
    long angst;
    long context;
    long budget;

    @BeforeAll
    void catalogue() throws Exception {
        fixtures.clean();
        Api admin = Api.admin(client);
        cgg = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        caw = admin.post("/api/v1/organisations", organisation("CAW Gent").replace("0403.170.701", "0412.345.614")
                .replace("\"description\": \"Geestelijke gezondheidszorg.\"", "\"description\": \"\"")).id();
        String method = admin.post("/api/v1/methods", "{\"name\": \"Oplossingsgericht werken\"}").body().get("code").asText();
        angst = admin.post("/api/v1/organisations/" + cgg + "/modules", module("Angstbehandeling")
                .replace("\"languages\"", "\"methods\": [\"" + method + "\"], \"cost\": \"Gratis\", \"referralPreparation\": "
                        + "\"Breng het verslag van het CLB mee.\", \"languages\"")).id();
        context = admin.post("/api/v1/organisations/" + cgg + "/modules", module("Contextbegeleiding prenataal")
                .replace("\"access\": \"rtj\"", "\"access\": \"nrtj\"").replace("\"ageMinMonths\": 144, \"ageMaxMonths\": 216",
                        "\"ageMinMonths\": -9")).id();
        budget = admin.post("/api/v1/organisations/" + caw + "/modules", module("Budgetbegeleiding")
                .replace("\"brugge\", \"oostkust\"", "\"gent\"").replace("[\"psychisch-welzijn\"]", "[\"geld-financien\"]")).id();
        admin.put("/api/v1/modules/" + angst + "/availability", "{\"state\": \"waiting\", \"waiting\": 4, \"expectedWaitDays\": 42}");
        admin.post("/api/v1/organisations/" + cgg + "/locations", "{\"name\": \"Onthaal\", \"street\": \"Markt 1\", \"postcode\": \"8000\", "
                + "\"openingHoursText\": \"ma t/m vr 9:00-12:00\\ndi 18:00-20:00 zonder afspraak\"}");
        admin.post("/api/v1/organisations/" + cgg + "/locations", "{\"name\": \"Vluchthuis\", \"street\": \"Geheime Dreef 7\", "
                + "\"postcode\": \"8000\", \"latitude\": 51.2, \"longitude\": 3.2, \"confidential\": true}");
        admin.post("/api/v1/organisations/" + cgg + "/engagements", "{\"title\": \"Snel een eerste gesprek\", \"zones\": [\"brugge\"], "
                + "\"validFrom\": \"2026-01-01\", \"capacityPerMonth\": 4, \"moduleIds\": [" + angst + "]}");
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void theRootSaysTheVersionAndProfileAndAnyOriginMayRead() {
        HttpResponse<String> root = client.toBlocking().exchange(HttpRequest.GET("/api/hsds/"), String.class);
        JsonNode body = read(root.body());
        assertThat(body.get("version").asText()).isEqualTo("3.0");
        assertThat(body.get("profile").asText()).endsWith("docs/hsds-profile.md");
        assertThat(body.has("openapi_url")).isTrue();
        assertThat(root.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void everyPublishedObjectIsValidHsdsAndUkProfileWithOnlyXExtensionsAndNoNulls() {
        Schema listItem = schema("classpath:hsds/hsds-3.0/schema/compiled/service_list.json");
        Schema service = schema("classpath:hsds/hsds-3.0/schema/service.json");
        Schema ukService = schema("classpath:hsds/oruk-3.0/schema/service.json");
        Schema organization = schema("classpath:hsds/hsds-3.0/schema/organization.json");
        Schema taxonomy = schema("classpath:hsds/hsds-3.0/schema/taxonomy.json");
        Schema term = schema("classpath:hsds/hsds-3.0/schema/taxonomy_term.json");
        Set<String> known = knownProperties();

        JsonNode page = get("/api/hsds/services");
        assertThat(page.get("total_items").asInt()).isEqualTo(3);
        for (JsonNode item : page.get("contents")) {
            assertValid(listItem, item, known);
            JsonNode full = get("/api/hsds/services/" + item.get("id").asText());
            assertValid(service, full, known);
            assertValid(ukService, full, known);
        }
        for (JsonNode item : get("/api/hsds/services?full=true").get("contents")) {
            assertValid(service, item, known);
        }
        for (JsonNode item : get("/api/hsds/organizations").get("contents")) {
            assertValid(organization, item, known);
        }
        for (JsonNode item : get("/api/hsds/taxonomies").get("contents")) {
            assertValid(taxonomy, item, known);
        }
        JsonNode terms = get("/api/hsds/taxonomy_terms?per_page=100");
        assertThat(terms.get("total_items").asInt()).isGreaterThan(60);
        for (JsonNode item : terms.get("contents")) {
            assertValid(term, item, known);
        }
    }

    @Test
    void aServiceCarriesAgesInYearsTheExactMonthsAndItsAvailabilityAsExtensions() {
        JsonNode angstService = get("/api/hsds/services/" + HsdsIds.of(HsdsIds.Kind.SERVICE, angst));
        assertThat(angstService.get("minimum_age").decimalValue()).isEqualByComparingTo("12");
        assertThat(angstService.get("maximum_age").decimalValue()).isEqualByComparingTo("18");
        assertThat(angstService.at("/x_age_months/maximum").asInt()).isEqualTo(216);
        assertThat(angstService.at("/x_availability/state").asText()).isEqualTo("waiting");
        assertThat(angstService.at("/x_availability/expected_wait_days").asInt()).isEqualTo(42);
        assertThat(angstService.get("assured_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(angstService.at("/organization/organization_identifiers/0/identifier").asText()).isEqualTo("0403170701");
        assertThat(angstService.at("/organization/attributes/0/taxonomy_term/term_uri").asText()).isEqualTo("urn:hulpwijzer:sector:cgg");
        assertThat(angstService.at("/service_areas/0/uri").asText()).isEqualTo("urn:hulpwijzer:zone:brugge");
        JsonNode prenatal = get("/api/hsds/services/" + HsdsIds.of(HsdsIds.Kind.SERVICE, context));
        assertThat(prenatal.get("minimum_age").decimalValue()).isEqualByComparingTo("-0.75");
        assertThat(prenatal.has("maximum_age")).as("an open upper age is left out").isFalse();
        assertThat(prenatal.get("application_process").asText()).startsWith("Niet rechtstreeks toegankelijk (NRTJ)");
    }

    @Test
    void confidentialAddressesNeverLeaveAndOpeningHoursAreWeeklySchedules() {
        JsonNode service = get("/api/hsds/services/" + HsdsIds.of(HsdsIds.Kind.SERVICE, angst));
        String text = service.toString();
        assertThat(text).doesNotContain("Geheime Dreef").doesNotContain("51.2,");
        List<JsonNode> locations = new ArrayList<>();
        service.get("service_at_locations").forEach(link -> locations.add(link.get("location")));
        JsonNode shelter = locations.stream().filter(l -> l.get("name").asText().equals("Vluchthuis")).findFirst().orElseThrow();
        assertThat(shelter.has("addresses")).isFalse();
        assertThat(shelter.has("latitude")).isFalse();
        assertThat(shelter.get("x_confidential").asBoolean()).isTrue();
        JsonNode office = locations.stream().filter(l -> l.get("name").asText().equals("Onthaal")).findFirst().orElseThrow();
        assertThat(office.at("/addresses/0/city").asText()).isEqualTo("Brugge");
        assertThat(office.at("/addresses/0/state_province").asText()).isEqualTo("West-Vlaanderen");
        assertThat(office.get("schedules")).hasSize(6);
        JsonNode evening = office.get("schedules").get(2);
        assertThat(evening.get("byday").asText()).isEqualTo("TU");
        assertThat(evening.get("opens_at").asText()).isEqualTo("18:00");
        assertThat(evening.get("description").asText()).isEqualTo("zonder afspraak");
    }

    @Test
    void theWholeCatalogueDownloadsAsAnHsdsDataPackageAndNewlineDelimitedServices() throws Exception {
        byte[] zip = client.toBlocking().retrieve(HttpRequest.GET("/api/hsds/export.zip"), byte[].class);
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        JsonNode descriptor = read(files.get("datapackage.json"));
        assertThat(descriptor.get("profile").asText()).isNotBlank();
        for (JsonNode resource : descriptor.get("resources")) {
            List<String> fields = new ArrayList<>();
            resource.at("/schema/fields").forEach(f -> fields.add(f.get("name").asText()));
            String csv = files.get(resource.get("path").asText());
            assertThat(csv).as(resource.get("path").asText()).isNotNull();
            assertThat(csv.lines().findFirst().orElseThrow()).as("columns of " + resource.get("path").asText())
                    .isEqualTo(String.join(",", fields));
        }
        assertThat(files.get("services.csv").lines().count()).isEqualTo(1 + 3);
        assertThat(files.get("organizations.csv").lines().count()).isEqualTo(1 + 2);
        assertThat(files.get("locations.csv").lines().count()).as("each location once").isEqualTo(1 + 2);
        assertThat(files.get("addresses.csv").lines().count()).as("the shelter has none").isEqualTo(1 + 1);
        assertThat(String.join("", files.values())).doesNotContain("Geheime Dreef");
        List<String> services = files.get("services.ndjson").lines().toList();
        assertThat(services).hasSize(3);
        List<String> organizations = files.get("organizations.ndjson").lines().toList();
        assertThat(organizations).as("every organization once, with its engagements").hasSize(2);
        assertThat(organizations.get(0)).contains("\"x_engagements\"", "Snel een eerste gesprek", HsdsIds.of(HsdsIds.Kind.SERVICE, angst));
        Schema organizationSchema = schema("classpath:hsds/hsds-3.0/schema/organization.json");
        organizations.forEach(line -> assertValid(organizationSchema, read(line), knownProperties()));
        Schema service = schema("classpath:hsds/hsds-3.0/schema/service.json");
        Set<String> known = knownProperties();
        services.forEach(line -> assertValid(service, read(line), known));
    }

    @Test
    void servicesAtLocationsAreFoundNearAPostcodeAndAreValid() {
        Schema list = schema("classpath:hsds/hsds-3.0/schema/compiled/service_at_location_list.json");
        Schema one = schema("classpath:hsds/hsds-3.0/schema/service_at_location.json");
        Set<String> known = knownProperties();
        JsonNode brugge = get("/api/hsds/service_at_locations?postcode=8000");
        assertThat(brugge.get("total_items").asInt()).as("two Brugge services at two locations").isEqualTo(4);
        for (JsonNode place : brugge.get("contents")) {
            assertValid(list, place, known);
            JsonNode alone = get("/api/hsds/service_at_locations/" + place.get("id").asText());
            assertValid(one, alone, known);
            assertThat(alone.get("service_id").asText()).isEqualTo(place.get("service_id").asText());
        }
        assertThat(get("/api/hsds/service_at_locations?postcode=8000&proximity=1000").get("total_items").asInt()).isEqualTo(4);
        assertThat(get("/api/hsds/service_at_locations?postcode=8400&proximity=1000").get("total_items").asInt())
                .as("Oostende is 20 km away").isZero();
        assertThat(get("/api/hsds/service_at_locations?postcode=9000").get("total_items").asInt()).as("CAW Gent has no location").isZero();
        assertThat(status("/api/hsds/service_at_locations?proximity=500")).isEqualTo(400);
        assertThat(status("/api/hsds/service_at_locations?postcode=0000")).isEqualTo(400);
        assertThat(status("/api/hsds/service_at_locations/" + HsdsIds.place(budget, 999))).isEqualTo(404);
    }

    @Test
    void idsAreStableUuidsThatLeadBackToTheEntry() {
        String id = HsdsIds.of(HsdsIds.Kind.SERVICE, 42);
        assertThat(id).isEqualTo("48570001-0000-8000-8000-00000000002a");
        assertThat(HsdsIds.id(HsdsIds.Kind.SERVICE, id)).contains(42L);
        assertThat(HsdsIds.id(HsdsIds.Kind.ORGANIZATION, id)).isEmpty();
        assertThat(get("/api/hsds/services").get("contents").get(0).get("id").asText())
                .isEqualTo(get("/api/hsds/services").get("contents").get(0).get("id").asText());
        assertThat(status("/api/hsds/services/" + HsdsIds.of(HsdsIds.Kind.SERVICE, 999_999))).isEqualTo(404);
        assertThat(get("/api/hsds/organizations/" + HsdsIds.of(HsdsIds.Kind.ORGANIZATION, caw)).get("description").asText())
                .as("a required description is never left out").isEqualTo("CAW Gent");
    }

    @Test
    void pagesCountRightOnTheFirstMiddleAndLastPage() {
        JsonNode first = get("/api/hsds/services?per_page=1&page=1");
        assertThat(List.of(first.get("total_items").asInt(), first.get("total_pages").asInt(), first.get("page_number").asInt(),
                first.get("size").asInt())).containsExactly(3, 3, 1, 1);
        assertThat(first.get("first_page").asBoolean()).isTrue();
        assertThat(first.get("last_page").asBoolean()).isFalse();
        JsonNode middle = get("/api/hsds/services?per_page=1&page=2");
        assertThat(middle.get("first_page").asBoolean() || middle.get("last_page").asBoolean()).isFalse();
        JsonNode last = get("/api/hsds/services?per_page=2&page=2");
        assertThat(last.get("size").asInt()).isEqualTo(1);
        assertThat(last.get("last_page").asBoolean()).isTrue();
        JsonNode beyond = get("/api/hsds/services?per_page=2&page=3");
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("contents")).isEmpty();
    }

    @Test
    void filtersCombineWithAnd() {
        String bruggeZone = new HsdsTaxonomies.Term(HsdsTaxonomies.ZONE, "brugge", "Brugge").id();
        String nrtj = new HsdsTaxonomies.Term(HsdsTaxonomies.ACCESS, "nrtj", "NRTJ").id();
        assertThat(ids("/api/hsds/services?taxonomy_term_id=" + bruggeZone)).containsExactlyInAnyOrder(angst, context);
        assertThat(ids("/api/hsds/services?taxonomy_term_id=" + nrtj)).containsExactly(context);
        assertThat(ids("/api/hsds/services?organization_id=" + HsdsIds.of(HsdsIds.Kind.ORGANIZATION, caw))).containsExactly(budget);
        assertThat(ids("/api/hsds/services?organization_id=" + HsdsIds.of(HsdsIds.Kind.ORGANIZATION, caw)
                + "&taxonomy_term_id=" + bruggeZone)).isEmpty();
        assertThat(ids("/api/hsds/services?search=budgetbegeleiding")).as("our Dutch search, best first").startsWith(budget);
        assertThat(ids("/api/hsds/services?search=budgetbegeleiding&organization_id=" + HsdsIds.of(HsdsIds.Kind.ORGANIZATION, cgg)))
                .doesNotContain(budget);
        assertThat(ids("/api/hsds/services?taxonomy_id=" + HsdsTaxonomies.METHOD.id())).containsExactly(angst);
        assertThat(ids("/api/hsds/services?modified_after=2999-01-01")).isEmpty();
        assertThat(get("/api/hsds/services?minimal=true").get("contents").get(0).size()).isEqualTo(2);
    }

    @Test
    void aWrongParameterIsA400ProblemNamingIt() {
        for (String bad : List.of("page=0", "per_page=1000", "taxonomy_term_id=abc", "organization_id=12",
                "modified_after=gisteren", "full=misschien")) {
            HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().retrieve("/api/hsds/services?" + bad));
            assertThat(e.getStatus().getCode()).as(bad).isEqualTo(400);
            assertThat(e.getResponse().getContentType().map(Object::toString).orElse("")).startsWith("application/problem+json");
            assertThat(e.getResponse().getBody(String.class).orElse("")).as(bad).contains(bad.substring(0, bad.indexOf('=')));
            assertThat(e.getResponse().header("Access-Control-Allow-Origin")).isEqualTo("*");
        }
    }

    private List<Long> ids(String path) {
        List<Long> ids = new ArrayList<>();
        get(path).get("contents").forEach(item -> ids.add(HsdsIds.id(HsdsIds.Kind.SERVICE, item.get("id").asText()).orElseThrow()));
        return ids;
    }

    private JsonNode get(String path) {
        return read(client.toBlocking().retrieve(path));
    }

    private int status(String path) {
        try {
            return client.toBlocking().exchange(path).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema schema(String location) {
        return SCHEMAS.getSchema(SchemaLocation.of(location));
    }

    /** Valid against the schema, and closed: every property is HSDS's or an x_ extension, and nothing is null. */
    private static void assertValid(Schema schema, JsonNode object, Set<String> known) {
        assertThat(schema.validate(object)).as(object.toString()).isEmpty();
        List<String> unknown = new ArrayList<>();
        walk(object, known, unknown);
        assertThat(unknown).as("unknown properties or nulls in " + object).isEmpty();
    }

    private static void walk(JsonNode node, Set<String> known, List<String> unknown) {
        if (node.isNull()) {
            unknown.add("null");
        } else if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.startsWith("x_")) {
                    continue;
                }
                if (!known.contains(name)) {
                    unknown.add(name);
                }
                walk(node.get(name), known, unknown);
            }
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, known, unknown));
        }
    }

    /** Every property name any HSDS 3.0 object schema defines. */
    private static Set<String> knownProperties() {
        Set<String> names = new TreeSet<>();
        for (String file : List.of("service", "organization", "organization_identifier", "location", "address", "schedule",
                "service_at_location", "service_area", "language", "contact", "phone", "attribute", "taxonomy", "taxonomy_term",
                "required_document", "cost_option", "compiled/service_at_location_list")) {
            try (InputStream in = HsdsApiTest.class.getResourceAsStream("/hsds/hsds-3.0/schema/" + file + ".json")) {
                JSON.readTree(in).get("properties").fieldNames().forEachRemaining(names::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }
}
