package be.hulpwijzer.catalogue.api;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import be.hulpwijzer.catalogue.testing.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** Input a hostile review sent: each gets a clear 400, 409 or 415, never a 500, and nothing stored changes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest implements PostgresTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;

    Api admin;
    long organisation;
    long module;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        module = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Consult")).id();
    }

    @Test
    void aWriteThatIsNotJsonGetsUnsupportedMediaTypeWithADutchReason() {
        for (MediaType type : List.of(MediaType.TEXT_PLAIN_TYPE, MediaType.APPLICATION_FORM_URLENCODED_TYPE, MediaType.TEXT_HTML_TYPE)) {
            HttpResponse<String> answer = send(HttpRequest.PUT("/api/v1/modules/" + module + "/availability",
                    "{\"state\": \"closed\"}").contentType(type).bearerAuth(Api.ADMIN_TOKEN));
            assertThat(answer.code()).as(type.toString()).isEqualTo(415);
            assertThat(answer.getBody(String.class).orElse("")).contains("Content-Type: application/json");
        }
        assertThat(sql.column("select count(*) from availability")).containsExactly("0");
    }

    @Test
    void trailingGarbageAfterTheObjectIsMalformedAndTheMessageNamesNoParserInternals() {
        Api.Reply trailing = admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"closed\"} garbage");
        assertThat(trailing.status()).isEqualTo(400);
        Api.Reply broken = admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": closed}");
        assertThat(broken.status()).isEqualTo(400);
        for (Api.Reply reply : List.of(trailing, broken)) {
            assertThat(reply.body().get("detail").asText()).startsWith("De inhoud is geen geldige JSON (fout op regel 1")
                    .doesNotContain("token").doesNotContain("Unrecognized").doesNotContain("com.fasterxml").doesNotContain("source");
        }
        assertThat(sql.column("select count(*) from availability")).containsExactly("0");
    }

    @Test
    void aNulCharacterInAnyTextIsRefusedNamingTheField() {
        Api.Reply title = admin.put("/api/v1/modules/" + module, Fixtures.withVersion(module("Con\\u0000sult"), 0));
        assertThat(title.status()).isEqualTo(400);
        assertThat(title.errorFields()).containsExactly("title");
        Api.Reply label = admin.post("/api/v1/organisations/" + organisation + "/tokens", "{\"label\": \"a\\u0000b\"}");
        assertThat(label.status()).isEqualTo(400);
        Api.Reply language = admin.put("/api/v1/modules/" + module, Fixtures.withVersion(module("Consult"), 0)
                .replace("\"nl\", \"fr\"", "\"n\\u0000\""));
        assertThat(language.status()).isEqualTo(400);
        assertThat(sql.column("select title from module")).containsExactly("Consult");
    }

    @Test
    void datesOutsidePostgresqlsRangeAreRefusedNamingTheField() {
        Api.Reply engagement = admin.post("/api/v1/organisations/" + organisation + "/engagements",
                "{\"title\": \"GBO\", \"zones\": [\"brugge\"], \"validFrom\": \"0001-01-01\"}");
        assertThat(engagement.status()).isEqualTo(400);
        assertThat(engagement.errorFields()).containsExactly("validFrom");
        Api.Reply confirmed = admin.put("/api/v1/modules/" + module + "/availability",
                "{\"state\": \"closed\", \"confirmedAt\": \"-290000-01-01T00:00:00Z\"}");
        assertThat(confirmed.status()).isEqualTo(400);
        assertThat(confirmed.errorFields()).containsExactly("confirmedAt");
        assertThat(sql.column("select count(*) from engagement")).containsExactly("0");
    }

    @Test
    void theSameAccountSentEightTimesAtOnceMakesOneAccountAndTheOthersGetConflict() throws Exception {
        String json = "{\"email\": \"tegelijk@cgg.example\", \"name\": \"T\", \"password\": \"een lang genoeg wachtwoord\", "
                + "\"role\": \"editor\", \"organisations\": [" + organisation + "]}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return admin.post("/api/v1/accounts", json).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(201).allMatch(s -> s == 201 || s == 409 || s == 400);
        assertThat(sql.column("select count(*) from account where email = 'tegelijk@cgg.example'")).containsExactly("1");
    }

    @Test
    void aLongPassphraseIsAcceptedAndAllOfItCounts() {
        String passphrase = "de kat krabt de krollen van de trap en de hond blaft er vrolijk bij, elke ochtend weer";
        assertThat(passphrase.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(admin.post("/api/v1/accounts", "{\"email\": \"lang@cgg.example\", \"name\": \"L\", \"password\": \""
                + passphrase + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}").status()).isEqualTo(201);
        assertThat(basic("lang@cgg.example", passphrase)).isEqualTo(200);
        assertThat(basic("lang@cgg.example", passphrase.substring(0, 72))).as("only the first 72 bytes").isEqualTo(401);
    }

    private int basic(String email, String password) {
        return send(HttpRequest.GET("/api/v1/organisations/" + organisation + "/to-confirm").header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)))).code();
    }

    private HttpResponse<String> send(io.micronaut.http.MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }
}
