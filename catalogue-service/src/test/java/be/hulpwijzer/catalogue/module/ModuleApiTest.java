package be.hulpwijzer.catalogue.module;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static be.hulpwijzer.catalogue.testing.Fixtures.withVersion;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleApiTest implements PostgresTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;

    Api api;
    long organisationId;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        api = Api.admin(client);
        organisationId = api.post("/api/v1/organisations", organisation("CGG Noord-West-Vlaanderen")).id();
    }

    @Test
    void createdModuleCanBeReadBackWithItsCodesAndContact() {
        Api.Reply created = api.post("/api/v1/organisations/" + organisationId + "/modules", module("Angstconsult"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.version()).isZero();

        Api.Reply read = Api.anonymous(client).get("/api/v1/modules/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("title").asText()).isEqualTo("Angstconsult");
        assertThat(read.body().get("zones").toString()).isEqualTo("[\"brugge\",\"oostkust\"]");
        assertThat(read.body().get("languages").toString()).isEqualTo("[\"nl\",\"fr\"]");
        assertThat(read.body().get("ageMaxMonths").asInt()).isEqualTo(216);
        assertThat(read.body().at("/contact/email").asText()).isEqualTo("an.peeters@cgg.example.be");
        assertThat(read.body().get("availability").isNull()).isTrue();
    }

    @Test
    void moduleWithoutUpperAgeServesAdultsToo() {
        String body = module("GBO-onthaal").replace("\"ageMaxMonths\": 216,", "");
        Api.Reply created = api.post("/api/v1/organisations/" + organisationId + "/modules", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("ageMaxMonths").isNull()).isTrue();
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        String body = """
                {"title": "", "type": "toverij", "setting": "ambulant", "access": "rtj", "ageMinMonths": 300,
                 "ageMaxMonths": 200, "lifeDomains": ["psychisch-welzijn"], "zones": ["brugge", "atlantis"],
                 "contact": {"email": "geen-adres"}, "kleur": "blauw"}""";
        Api.Reply reply = api.post("/api/v1/organisations/" + organisationId + "/modules", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("title", "type", "ageMinMonths", "zones",
                "contact.email", "kleur");
        assertThat(reply.body().toString()).contains("atlantis").contains("geen gekende eerstelijnszone")
                .contains("minimumleeftijd");
    }

    @Test
    void agesOutsidePregnancyToHundredTwentyYearsAreRefused() {
        Api.Reply tooYoung = api.post("/api/v1/organisations/" + organisationId + "/modules",
                module("x").replace("\"ageMinMonths\": 144", "\"ageMinMonths\": -10"));
        Api.Reply tooOld = api.post("/api/v1/organisations/" + organisationId + "/modules",
                module("x").replace("\"ageMaxMonths\": 216", "\"ageMaxMonths\": 1441"));
        assertThat(tooYoung.status()).isEqualTo(400);
        assertThat(tooYoung.errorFields()).containsExactly("ageMinMonths");
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.errorFields()).containsExactly("ageMaxMonths");
    }

    @Test
    void pregnancyIsAValidStartOfTheAgeRange() {
        Api.Reply created = api.post("/api/v1/organisations/" + organisationId + "/modules",
                module("Prenatale begeleiding").replace("\"ageMinMonths\": 144", "\"ageMinMonths\": -9"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("ageMinMonths").asInt()).isEqualTo(-9);
    }

    @Test
    void wrongTypesAndOverlongTextAreNamed() {
        String body = module("x").replace("\"ageMinMonths\": 144", "\"ageMinMonths\": \"twaalf\"")
                .replace("\"zones\": [\"brugge\", \"oostkust\"]", "\"zones\": \"brugge\"")
                .replace("\"title\": \"x\"", "\"title\": \"" + "a".repeat(201) + "\"");
        Api.Reply reply = api.post("/api/v1/organisations/" + organisationId + "/modules", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("ageMinMonths", "zones", "title");
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        Api.Reply reply = api.post("/api/v1/organisations/" + organisationId + "/modules", "{\"title\": ");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("detail").asText()).contains("geen geldige JSON");
        Api.Reply array = api.post("/api/v1/organisations/" + organisationId + "/modules", "[1,2]");
        assertThat(array.status()).isEqualTo(400);
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() {
        long id = api.post("/api/v1/organisations/" + organisationId + "/modules", module("Angstconsult")).id();
        String first = withVersion(module("Angstconsult voor jongeren"), 0);
        String second = withVersion(module("Consult bij angst"), 0);

        Api.Reply ok = api.put("/api/v1/modules/" + id, first);
        Api.Reply conflict = api.put("/api/v1/modules/" + id, second);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.version()).isEqualTo(1);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().get("detail").asText()).contains("Iemand anders");
        assertThat(api.get("/api/v1/modules/" + id).body().get("title").asText()).isEqualTo("Angstconsult voor jongeren");
    }

    @Test
    void updateWithoutVersionIsRefused() {
        long id = api.post("/api/v1/organisations/" + organisationId + "/modules", module("Angstconsult")).id();
        Api.Reply reply = api.put("/api/v1/modules/" + id, module("Zonder versie"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("version");
    }

    @Test
    void writesWithoutOrWithAWrongTokenAreUnauthorised() {
        String path = "/api/v1/organisations/" + organisationId + "/modules";
        assertThat(Api.anonymous(client).post(path, module("x")).status()).isEqualTo(401);
        assertThat(api.withToken("not-the-token").post(path, module("x")).status()).isEqualTo(401);
        assertThat(api.get(path).body().size()).isZero();
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThat(api.get("/api/v1/modules/999999").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/modules/999999", withVersion(module("x"), 0)).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/modules/999999").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/organisations/999999/modules", module("x")).status()).isEqualTo(404);
        Api.Reply notANumber = api.get("/api/v1/modules/abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.errorFields()).containsExactly("id");
        assertThat(notANumber.body().at("/errors/0/message").asText()).isEqualTo("De parameter 'id' heeft geen geldige waarde.");
    }

    @Test
    void deletedModuleIsGone() {
        long id = api.post("/api/v1/organisations/" + organisationId + "/modules", module("Angstconsult")).id();
        assertThat(api.delete("/api/v1/modules/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/modules/" + id).status()).isEqualTo(404);
    }

    @Test
    void unknownMethodIsRefusedAndKnownOneAccepted() {
        api.post("/api/v1/methods", "{\"name\": \"Signs of Safety\", \"synonyms\": [\"SoS\"]}");
        Api.Reply unknown = api.post("/api/v1/organisations/" + organisationId + "/modules",
                module("x").replace("\"languages\"", "\"methods\": [\"hypnose\"], \"languages\""));
        Api.Reply known = api.post("/api/v1/organisations/" + organisationId + "/modules",
                module("x").replace("\"languages\"", "\"methods\": [\"signs-of-safety\"], \"languages\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("methods");
        assertThat(known.status()).isEqualTo(201);
        long methodId = api.get("/api/v1/methods").body().get(0).get("id").asLong();
        assertThat(api.get("/api/v1/methods/" + methodId + "/modules").body().findValuesAsText("id"))
                .containsExactly(String.valueOf(known.id()));
        assertThat(api.delete("/api/v1/methods/" + api.get("/api/v1/methods").body().get(0).get("id").asLong()).status())
                .isEqualTo(409);
    }
}
