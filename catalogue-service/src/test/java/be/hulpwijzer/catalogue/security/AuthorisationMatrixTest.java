package be.hulpwijzer.catalogue.security;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import be.hulpwijzer.catalogue.testing.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint of the API, tried as anonymous, a token and an editor of the same organisation,
 * a token and an editor of another, a coordinator and an administrator: the exact status each time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest implements PostgresTest {

    private static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;

    Api admin;
    long ours;
    long theirs;
    long module;
    long location;
    long engagement;
    Map<String, String> callers;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        ours = admin.post("/api/v1/organisations", organisation("CAW Brugge")).id();
        theirs = admin.post("/api/v1/organisations", organisation("CAW Gent").replace("0403.170.701", "0412.345.614")).id();
        module = admin.post("/api/v1/organisations/" + ours + "/modules", module("Budgetbegeleiding")).id();
        location = admin.post("/api/v1/organisations/" + ours + "/locations", "{\"name\": \"Onthaal\", \"postcode\": \"8000\"}").id();
        engagement = admin.post("/api/v1/organisations/" + ours + "/engagements",
                "{\"title\": \"GBO binnen 5 dagen\", \"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\"}").id();
        account("editor@ours.example", "editor", List.of(ours), List.of());
        account("editor@theirs.example", "editor", List.of(theirs), List.of());
        account("coordinator@brugge.example", "coordinator", List.of(), List.of("brugge"));
        callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("token of ours", "Bearer " + admin.post("/api/v1/organisations/" + ours + "/tokens", "{\"label\": \"wachtlijstsysteem\"}")
                .body().get("token").asText());
        callers.put("token of theirs", "Bearer " + admin.post("/api/v1/organisations/" + theirs + "/tokens", "{\"label\": \"x\"}")
                .body().get("token").asText());
        callers.put("editor of ours", basic("editor@ours.example"));
        callers.put("editor of theirs", basic("editor@theirs.example"));
        callers.put("coordinator", basic("coordinator@brugge.example"));
        callers.put("administrator", "Bearer " + Api.ADMIN_TOKEN);
    }

    /** Expected status per caller, in the order of {@link #callers}. */
    private record Row(String method, Function<AuthorisationMatrixTest, String> path, String body, int... expected) {
    }

    @Test
    void everyWriteEndpointAnswersEachCallerExactly() {
        String availability = "{\"state\": \"free\", \"freePlaces\": 1}";
        List<Row> rows = List.of(
                //                                                                                anon tokO tokT edO  edT  coord admin
                new Row("POST", t -> "/api/v1/organisations", organisation("Nieuw").replace("0403.170.701", "0423.456.765"),
                        401, 403, 403, 403, 403, 403, 201),
                new Row("PUT", t -> "/api/v1/organisations/" + t.ours, Fixtures.withVersion(organisation("CAW Brugge"), 0),
                        401, 200, 403, 200, 403, 403, 200),
                new Row("POST", t -> "/api/v1/organisations/" + t.ours + "/modules", module("Schuldhulp"),
                        401, 201, 403, 201, 403, 403, 201),
                new Row("PUT", t -> "/api/v1/modules/" + t.module + "/availability", availability,
                        401, 200, 403, 200, 403, 403, 200),
                new Row("PUT", t -> "/api/v1/locations/" + t.location, "{\"version\": 0, \"name\": \"Onthaal\", \"postcode\": \"8000\"}",
                        401, 200, 403, 200, 403, 403, 200),
                new Row("PUT", t -> "/api/v1/engagements/" + t.engagement,
                        "{\"version\": 0, \"title\": \"GBO binnen 5 dagen\", \"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\"}",
                        401, 200, 403, 200, 403, 403, 200),
                new Row("POST", t -> "/api/v1/organisations/" + t.ours + "/tokens", "{\"label\": \"nieuw\"}",
                        401, 403, 403, 201, 403, 403, 201),
                new Row("POST", t -> "/api/v1/methods", "{\"name\": \"Methode %s\"}",
                        401, 403, 403, 403, 403, 403, 201),
                new Row("POST", t -> "/api/v1/thesaurus", "{\"terms\": [\"woord %s\", \"ander woord %s\"]}",
                        401, 403, 403, 403, 403, 201, 201),
                new Row("POST", t -> "/api/v1/accounts", "{\"email\": \"nieuw-%s@ours.example\", \"name\": \"Nieuw\", "
                        + "\"password\": \"" + PASSWORD + "\", \"role\": \"editor\", \"organisations\": [" + ours + "]}",
                        401, 403, 403, 403, 403, 201, 201),
                new Row("DELETE", t -> "/api/v1/modules/" + t.module, null,
                        401, 204, 403, 204, 403, 403, 204));
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            int column = 0;
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                setUpFreshEntriesFor(row);
                String body = row.body() == null ? null : row.body().replace("%s", String.valueOf(column));
                int status = send(row.method(), row.path().apply(this), body, caller.getValue());
                int expected = row.expected()[column++];
                if (status != expected) {
                    mismatches.add(row.method() + " " + row.path().apply(this) + " as " + caller.getKey() + ": " + status
                            + ", expected " + expected);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** Writes change what the next caller sends (versions, deleted rows): each caller gets fresh rows of ours. */
    private void setUpFreshEntriesFor(Row row) {
        module = admin.post("/api/v1/organisations/" + ours + "/modules", module("Vers")).id();
        location = admin.post("/api/v1/organisations/" + ours + "/locations", "{\"name\": \"Onthaal\", \"postcode\": \"8000\"}").id();
        engagement = admin.post("/api/v1/organisations/" + ours + "/engagements",
                "{\"title\": \"GBO binnen 5 dagen\", \"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\"}").id();
        sql.run("update organisation set version = 0 where id = " + ours);
    }

    @Test
    void aTokenKeepsTheOfferCurrentButNeverDeletesItsOrganisationNorManagesTokens() {
        String token = callers.get("token of ours");
        assertThat(send("DELETE", "/api/v1/organisations/" + ours, null, token)).isEqualTo(403);
        assertThat(send("POST", "/api/v1/organisations/" + ours + "/tokens", "{\"label\": \"nog een\"}", token)).isEqualTo(403);
        assertThat(sql.column("select count(*) from organisation where id = " + ours)).containsExactly("1");
        assertThat(send("DELETE", "/api/v1/organisations/" + ours, null, callers.get("editor of ours"))).isEqualTo(204);
    }

    @Test
    void aRevokedTokenIsRefusedAndTokensAreStoredOnlyAsHashes() {
        Api.Reply created = admin.post("/api/v1/organisations/" + ours + "/tokens", "{\"label\": \"oud systeem\"}");
        String token = created.body().get("token").asText();
        assertThat(send("PUT", "/api/v1/modules/" + module + "/availability", "{\"state\": \"free\", \"freePlaces\": 2}",
                "Bearer " + token)).isEqualTo(200);
        assertThat(sql.column("select token_hash from api_token")).doesNotContain(token).allMatch(v -> v.matches("[0-9a-f]{64}"));

        assertThat(admin.delete("/api/v1/organisations/" + ours + "/tokens/" + created.id()).status()).isEqualTo(204);
        assertThat(send("PUT", "/api/v1/modules/" + module + "/availability",
                "{\"version\": 0, \"state\": \"free\", \"freePlaces\": 3}", "Bearer " + token)).isEqualTo(401);
        assertThat(admin.delete("/api/v1/organisations/" + theirs + "/tokens/" + created.id()).status()).isEqualTo(404);
    }

    @Test
    void anAccountChangesItsOwnPasswordAfterGivingTheCurrentOne() {
        String path = "/api/v1/accounts/me/password";
        assertThat(send("PUT", path, "{\"currentPassword\": \"fout\", \"newPassword\": \"nieuw en lang genoeg\"}",
                basic("editor@ours.example"))).isEqualTo(400);
        assertThat(send("PUT", path, "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"kort\"}",
                basic("editor@ours.example"))).isEqualTo(400);
        assertThat(send("PUT", path, "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"nieuw en lang genoeg\"}",
                basic("editor@ours.example"))).isEqualTo(204);
        String body = "{\"state\": \"free\", \"freePlaces\": 1}";
        assertThat(send("PUT", "/api/v1/modules/" + module + "/availability", body, basic("editor@ours.example"))).isEqualTo(401);
        assertThat(send("PUT", "/api/v1/modules/" + module + "/availability", body,
                basic("editor@ours.example", "nieuw en lang genoeg"))).isEqualTo(200);
        assertThat(send("PUT", path, "{}", null)).isEqualTo(401);
    }

    @Test
    void accountsAreValidatedAndCoordinatorsStayInTheirZones() {
        Api.Reply weak = admin.post("/api/v1/accounts", "{\"email\": \"x@y.example\", \"name\": \"X\", \"password\": \"kort\", "
                + "\"role\": \"editor\", \"organisations\": [424242]}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorFields()).contains("password", "organisations");
        Api.Reply taken = admin.post("/api/v1/accounts", "{\"email\": \"Editor@Ours.example\", \"name\": \"X\", \"password\": \""
                + PASSWORD + "\", \"role\": \"editor\", \"organisations\": [" + ours + "]}");
        assertThat(taken.status()).isEqualTo(409 == taken.status() ? 409 : 400);
        assertThat(taken.errorFields()).contains("email");

        String coordinator = basic("coordinator@brugge.example");
        assertThat(send("POST", "/api/v1/accounts", "{\"email\": \"gent@theirs.example\", \"name\": \"G\", \"password\": \""
                + PASSWORD + "\", \"role\": \"editor\", \"organisations\": [" + theirs + "]}", coordinator))
                .as("an organisation outside the coordinator's zones").isEqualTo(403);
        assertThat(send("POST", "/api/v1/accounts", "{\"email\": \"baas@ours.example\", \"name\": \"B\", \"password\": \""
                + PASSWORD + "\", \"role\": \"administrator\"}", coordinator)).isEqualTo(403);
        Api.Reply made = admin.post("/api/v1/accounts", "{\"email\": \"nieuw@ours.example\", \"name\": \"N\", \"password\": \""
                + PASSWORD + "\", \"role\": \"editor\", \"organisations\": [" + ours + "]}");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.body().has("password")).isFalse();
        assertThat(made.body().has("passwordHash")).isFalse();
    }

    private void account(String email, String role, List<Long> organisations, List<String> zones) {
        String json = "{\"email\": \"%s\", \"name\": \"%s\", \"password\": \"%s\", \"role\": \"%s\", \"organisations\": %s, \"zones\": %s}"
                .formatted(email, email, PASSWORD, role, organisations, zones.stream().map(z -> "\"" + z + "\"").toList());
        assertThat(admin.post("/api/v1/accounts", json).status()).isEqualTo(201);
    }

    private static String basic(String email) {
        return basic(email, PASSWORD);
    }

    private static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private int send(String method, String path, String body, String authorization) {
        MutableHttpRequest<String> request = switch (method) {
            case "POST" -> HttpRequest.POST(path, body);
            case "PUT" -> HttpRequest.PUT(path, body);
            default -> HttpRequest.DELETE(path);
        };
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
