package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.Sql;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** An empty Hulpwijzer is filled from another one's HSDS services; importing again changes nothing; a wrong row keeps nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsImportTest implements SearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    IndexManager indexes;

    Api admin;
    String exported;
    byte[] exportedPackage;
    Map<String, List<String>> searched;

    private static final List<String> QUERIES = List.of("angst", "budgetbegeleiding", "contextbegeleiding", "brugge", "gratis");

    @BeforeEach
    void anotherInstancesCatalogue() throws Exception {
        fixtures.clean();
        sql.run("delete from hsds_import");
        // the other instance has come further: its ids are not the ones an empty instance would hand out
        sql.run("alter table organisation alter column id restart with 40");
        sql.run("alter table module alter column id restart with 700");
        sql.run("alter table location alter column id restart with 90");
        admin = Api.admin(client);
        long cgg = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        long caw = admin.post("/api/v1/organisations", organisation("CAW Gent").replace("0403.170.701", "0412.345.614")
                .replace("\"sector\": \"cgg\"", "\"sector\": \"caw\"")).id();
        admin.post("/api/v1/methods", "{\"code\": \"cgt\", \"name\": \"Cognitieve gedragstherapie\"}");
        long angst = admin.post("/api/v1/organisations/" + cgg + "/modules", module("Angstbehandeling")
                .replace("\"referralProcedure\"", "\"cost\": \"Gratis\", \"referralPreparation\": \"Breng het CLB-verslag mee.\", "
                        + "\"methods\": [\"cgt\"], \"referralProcedure\"")).id();
        admin.post("/api/v1/organisations/" + cgg + "/modules", module("Contextbegeleiding prenataal")
                .replace("\"access\": \"rtj\"", "\"access\": \"nrtj\"").replace("\"ageMinMonths\": 144, \"ageMaxMonths\": 216", "\"ageMinMonths\": -9"));
        admin.post("/api/v1/organisations/" + caw + "/modules", module("Budgetbegeleiding")
                .replace("\"brugge\", \"oostkust\"", "\"gent\"").replace("[\"psychisch-welzijn\"]", "[\"geld-financien\"]"));
        admin.put("/api/v1/modules/" + angst + "/availability", "{\"state\": \"waiting\", \"waiting\": 4, \"expectedWaitDays\": 42}");
        admin.post("/api/v1/organisations/" + cgg + "/locations", "{\"name\": \"Onthaal\", \"street\": \"Markt 1\", \"postcode\": \"8000\", "
                + "\"latitude\": 51.2089, \"longitude\": 3.2242, \"openingHoursText\": \"ma t/m vr 9:00-12:00\\ndi 18:00-20:00 zonder afspraak\", "
                + "\"hoursNote\": \"Gesloten in de kerstvakantie\"}");
        admin.post("/api/v1/organisations/" + cgg + "/locations", "{\"name\": \"Vluchthuis\", \"street\": \"Geheime Dreef 7\", "
                + "\"postcode\": \"8000\", \"confidential\": true}");
        exported = JSON.readTree(client.toBlocking().retrieve("/api/hsds/services?full=true&per_page=100")).get("contents").toString();
        exportedPackage = client.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/hsds/export.zip"), byte[].class);
        searched = searches();
        fixtures.clean();
    }

    @Test
    void anEmptyInstanceIsFilledFromHsdsAndReExportsTheSameServices() throws Exception {
        Api.Reply report = admin.post("/api/v1/imports", exported);
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        assertThat(report.body().get("created").asInt()).as("two organisations, three services, two locations, a method").isEqualTo(8);
        assertThat(sql.column("select code || ' ' || name from method")).as("a method this catalogue did not know is added")
                .containsExactly("cgt Cognitieve gedragstherapie");
        assertThat(sql.column("select postcode || ' ' || confidential || ' ' || coalesce(street, '-') from location where name = 'Vluchthuis'"))
                .as("the confidential location stays confidential, placed at its municipality's main postcode").containsExactly("8000 true -");
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        JsonNode again = JSON.readTree(client.toBlocking().retrieve("/api/hsds/services?full=true&per_page=100")).get("contents");
        assertThat(projection(again, true)).isEqualTo(projection(JSON.readTree(exported), true));
        assertThat(admin.get("/api/v1/search?q=budgetbegeleiding").body().get("total").asInt()).as("searchable at once").isEqualTo(1);
    }

    @Test
    void aRoundTripPublishesTheSameIdsAndValuesAndSearchFindsTheSame() throws Exception {
        assertThat(admin.post("/api/v1/imports", exported).status()).isEqualTo(200);
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        JsonNode again = JSON.readTree(client.toBlocking().retrieve("/api/hsds/services?full=true&per_page=100")).get("contents");
        assertThat(again).as("ids, values and times").isEqualTo(JSON.readTree(exported));
        assertThat(searches()).isEqualTo(searched);
    }

    @Test
    void aPackageOfCsvsOnlyAsAnotherToolWritesItFillsAnEmptyInstance() throws Exception {
        java.io.ByteArrayOutputStream csvOnly = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(exportedPackage));
             var out = new java.util.zip.ZipOutputStream(csvOnly)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().equals("services.ndjson")) {
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        var upload = io.micronaut.http.client.multipart.MultipartBody.builder()
                .addPart("file", "pakket.zip", io.micronaut.http.MediaType.of("application/zip"), csvOnly.toByteArray()).build();
        var reply = client.toBlocking().exchange(io.micronaut.http.HttpRequest.POST("/api/v1/imports", upload)
                .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(Api.ADMIN_TOKEN), String.class);
        assertThat(reply.getStatus().getCode()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).get("created").asInt()).as("two organisations, three services, one location, a method").isEqualTo(7);
        assertThat(reply.body()).as("the CSVs hold no address of the confidential location: reported, not dropped silently")
                .contains("skipped: no address (a confidential location)");
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        JsonNode again = JSON.readTree(client.toBlocking().retrieve("/api/hsds/services?full=true&per_page=100")).get("contents");
        assertThat(projection(again, false)).as("all but our x_availability, which the CSVs cannot hold")
                .isEqualTo(projection(JSON.readTree(exported), false));
        List<String> ids = new ArrayList<>();
        again.forEach(s -> ids.add(s.get("id").asText()));
        List<String> before = new ArrayList<>();
        JSON.readTree(exported).forEach(s -> before.add(s.get("id").asText()));
        assertThat(ids).isEqualTo(before);
        assertThat(searches()).isEqualTo(searched);
    }

    @Test
    void importingTheSameDataAgainChangesNothingAndNeverDuplicates() {
        assertThat(admin.post("/api/v1/imports", exported).status()).isEqualTo(200);
        long audit = Long.parseLong(sql.column("select count(*) from audit_log").get(0));
        Api.Reply again = admin.post("/api/v1/imports", exported);
        assertThat(again.body().get("created").asInt()).isZero();
        assertThat(again.body().get("updated").asInt()).isZero();
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(7);
        assertThat(sql.column("select count(*) from method").get(0)).isEqualTo("1");
        assertThat(sql.column("select count(*) from module").get(0)).isEqualTo("3");
        assertThat(Long.parseLong(sql.column("select count(*) from audit_log").get(0))).as("nothing written").isEqualTo(audit);
    }

    @Test
    void aWrongRowIsNamedAndNothingIsHalfImported() throws Exception {
        List<JsonNode> services = new ArrayList<>();
        JSON.readTree(exported).forEach(services::add);
        ((ObjectNode) services.get(2)).put("id", "geen-uuid");
        Api.Reply refused = admin.post("/api/v1/imports", JSON.writeValueAsString(services));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("Dienst 3", "geen UUID");
        assertThat(sql.column("select count(*) from module").get(0)).as("nothing kept").isEqualTo("0");
        assertThat(sql.column("select count(*) from organisation").get(0)).isEqualTo("0");

        ((ObjectNode) services.get(2)).put("id", "6f0c9a1e-3b2d-4c5e-8f70-1a2b3c4d5e6f");
        ((ObjectNode) services.get(2).get("attributes").get(0).get("taxonomy_term")).put("term_uri", "urn:elders:soort:x")
                .put("code", "onbekend").put("name", "Onbekende soort");
        ((ObjectNode) services.get(2).get("attributes").get(0)).put("taxonomy_term_id", "6f0c9a1e-3b2d-4c5e-8f70-000000000000");
        Api.Reply unknown = admin.post("/api/v1/imports", JSON.writeValueAsString(services));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("Onbekende soort");
        assertThat(admin.post("/api/v1/imports", "niet eens json").status()).isEqualTo(400);
        assertThat(Api.anonymous(client).post("/api/v1/imports", exported).status()).isEqualTo(401);
    }

    /** The ids our search finds for each query, best first. */
    private Map<String, List<String>> searches() throws Exception {
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        Map<String, List<String>> found = new java.util.TreeMap<>();
        for (String query : QUERIES) {
            List<String> ids = new ArrayList<>();
            admin.get("/api/v1/search?q=" + query).body().get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
            found.put(query, ids);
        }
        return found;
    }

    /** What a service says, without its ids (which are the new instance's own). */
    private static TreeSet<String> projection(JsonNode services, boolean availability) {
        TreeSet<String> lines = new TreeSet<>();
        for (JsonNode s : services) {
            List<String> terms = new ArrayList<>();
            s.path("attributes").forEach(a -> terms.add(a.at("/taxonomy_term/term_uri").asText()));
            terms.sort(String::compareTo);
            List<String> places = new ArrayList<>();
            s.path("service_at_locations").forEach(link -> {
                JsonNode l = link.get("location");
                if (l.has("addresses")) {
                    places.add(l.path("name").asText() + "@" + l.at("/addresses/0/address_1").asText() + "," + l.at("/addresses/0/city").asText()
                            + "," + l.path("latitude").asText() + "," + l.path("schedules").size() + "," + l.at("/schedules/1/description").asText()
                            + "," + l.at("/schedules/0/notes").asText());
                }
            });
            places.sort(String::compareTo);
            List<String> languages = new ArrayList<>();
            s.path("languages").forEach(l -> languages.add(l.path("code").asText()));
            lines.add(String.join(" | ", s.path("name").asText(), s.path("description").asText(), s.path("status").asText(),
                    s.path("minimum_age").asText(), s.path("maximum_age").asText(), s.path("application_process").asText(),
                    s.path("fees_description").asText(), s.path("x_access").asText(), s.path("x_age_months").toString(),
                    String.join(",", terms), String.join(",", languages), s.at("/contacts/0/name").asText(),
                    s.at("/contacts/0/email").asText(), s.at("/contacts/0/phones/0/number").asText(),
                    s.at("/required_documents/0/document").asText(), s.at("/organization/name").asText(),
                    s.at("/organization/description").asText(), s.at("/organization/attributes/0/taxonomy_term/term_uri").asText(),
                    s.at("/organization/organization_identifiers/0/identifier").asText(),
                    availability ? s.at("/x_availability/state").asText() : "", availability ? s.at("/x_availability/waiting").asText() : "",
                    availability ? s.at("/x_availability/expected_wait_days").asText() : "",
                    String.join(";", places)));
        }
        return lines;
    }
}
