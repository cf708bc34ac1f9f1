package be.hulpwijzer.web.security;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.Sql;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Rows;
import be.hulpwijzer.web.testing.Session;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the OpenAPI document as an editor and as a token of another organisation, with
 * that organisation's ids and valid bodies (so that only authorisation can refuse): every operation the
 * document marks as secured refuses (401 or 403), the public ones are reads, and nothing of the other
 * organisation changes. A route the application serves under /api but the document lacks fails the test,
 * so a new route cannot be forgotten.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiRoutesTest implements SearchTest {

    /** Operations on the caller's own account: an editor may use them, a token may not. */
    private static final Set<String> OWN_ACCOUNT = Set.of("/api/v1/accounts/me/password");

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    Router router;

    long theirs;
    Map<String, String> ids;
    String token;
    Session editor;
    String editorCsrf;

    @BeforeAll
    void setUp() {
        fixtures.clean();
        Api admin = Api.admin(client);
        long ours = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        theirs = admin.post("/api/v1/organisations", organisation("CGG Gent").replace("0403.170.701", "0412.345.614")).id();
        long module = admin.post("/api/v1/organisations/" + theirs + "/modules", module("Consult voor jongeren")).id();
        admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": 4}");
        long method = admin.post("/api/v1/methods", "{\"name\": \"Contextbegeleiding volgens het boekje\"}").id();
        ids = Map.of("organisations", String.valueOf(theirs), "modules", String.valueOf(module),
                "locations", String.valueOf(admin.post("/api/v1/organisations/" + theirs + "/locations",
                        "{\"name\": \"Onthaal\", \"postcode\": \"8000\"}").id()),
                "engagements", String.valueOf(admin.post("/api/v1/organisations/" + theirs + "/engagements",
                        "{\"title\": \"GBO\", \"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\"}").id()),
                "tokens", String.valueOf(admin.post("/api/v1/organisations/" + theirs + "/tokens", "{\"label\": \"x\"}").id()),
                "methods", String.valueOf(method), "postcodes", "8000");
        assertThat(admin.post("/api/v1/accounts", "{\"email\": \"editor@ours.example\", \"name\": \"X\", \"password\": \""
                + Session.PASSWORD + "\", \"role\": \"editor\", \"organisations\": [" + ours + "]}").status()).isEqualTo(201);
        token = admin.post("/api/v1/organisations/" + ours + "/tokens", "{\"label\": \"ons\"}").body().get("token").asText();
        editor = Session.loggedIn(server, "editor@ours.example");
        editorCsrf = editor.csrf("/account/wachtwoord");
    }

    @Test
    void everyDocumentedOperationRefusesAnotherOrganisationsEditorAndToken() {
        String before = snapshotOfTheirs();
        List<String> wrong = new ArrayList<>();
        int walked = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths().entrySet()) {
            for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                if (!List.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                @SuppressWarnings("unchecked")
                boolean secured = ((Map<String, Object>) operation.getValue()).containsKey("security");
                String url = fill(path.getKey());
                for (String caller : List.of("editor", "token")) {
                    walked++;
                    HttpResponse<String> answer = caller.equals("token")
                            ? editorless().json(method, url, body(path.getKey()), "Authorization", "Bearer " + token, "Accept", "*/*")
                            : editor.json(method, url, body(path.getKey()), "X-CSRF-Token", editorCsrf, "Accept", "*/*");
                    int status = answer.statusCode();
                    String what = method + " " + path.getKey() + " as " + caller + ": " + status;
                    if (status >= 500) {
                        wrong.add(what + " (server error)");
                    } else if (!secured && !method.equals("GET")) {
                        wrong.add(what + " (a write the document does not secure)");
                    } else if (secured && status != 401 && status != 403
                            && !(OWN_ACCOUNT.contains(path.getKey()) && caller.equals("editor"))) {
                        wrong.add(what + " (secured, but not refused)");
                    }
                    String now = snapshotOfTheirs();
                    if (!now.equals(before)) {
                        wrong.add(what + " changed the other organisation's rows");
                        before = now;
                    }
                }
            }
        }
        assertThat(wrong).as("of " + walked + " calls").isEmpty();
        assertThat(walked).isGreaterThan(80);
    }

    @Test
    void everyRouteTheApplicationServesUnderApiIsInTheDocument() {
        Set<String> documented = new TreeSet<>();
        paths().forEach((path, operations) -> operations.keySet().forEach(m -> documented.add(m.toUpperCase() + " " + shape(path))));
        Set<String> served = new TreeSet<>();
        router.uriRoutes().forEach(route -> {
            UriRouteInfo<?, ?> info = route;
            String template = info.getUriMatchTemplate().toString();
            if (template.startsWith("/api/") && info.getHttpMethod() != HttpMethod.HEAD && info.getHttpMethod() != HttpMethod.OPTIONS) {
                served.add(info.getHttpMethod() + " " + shape(template));
            }
        });
        assertThat(documented).containsAll(served);
    }

    /** A path template with its variables unnamed: /a/{id}/b and /a/{x}/b are the same route. */
    private static String shape(String template) {
        return template.replaceAll("\\{[^}]*}", "{}").replaceAll("/$", "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> paths() {
        try (InputStream in = OpenApiRoutesTest.class.getResourceAsStream("/openapi/hulpwijzer.yml")) {
            Map<String, Object> document = new Yaml().load(in);
            return (Map<String, Map<String, Object>>) document.get("paths");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A valid body for the path's kind, so that a refusal can only come from authorisation. */
    private static String body(String path) {
        if (path.endsWith("/modules") || path.endsWith("/modules/{id}")) {
            return Fixtures.withVersion(module("Overgenomen"), 0);
        }
        if (path.endsWith("/locations") || path.endsWith("/locations/{id}")) {
            return "{\"version\": 0, \"name\": \"Overgenomen\", \"postcode\": \"8000\"}";
        }
        if (path.endsWith("/engagements") || path.endsWith("/engagements/{id}")) {
            return "{\"version\": 0, \"title\": \"Overgenomen\", \"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\"}";
        }
        if (path.endsWith("/availability")) {
            return "{\"version\": 0, \"state\": \"closed\"}";
        }
        if (path.endsWith("/confirmation")) {
            return "{\"version\": 0}";
        }
        if (path.endsWith("/tokens")) {
            return "{\"label\": \"gestolen\"}";
        }
        if (path.endsWith("/organisations") || path.endsWith("/organisations/{id}")) {
            return Fixtures.withVersion(organisation("Overgenomen").replace("0403.170.701", "0423.456.765"), 0);
        }
        if (path.contains("/methods")) {
            return "{\"version\": 0, \"name\": \"Overgenomen methode\"}";
        }
        if (path.endsWith("/accounts")) {
            return "{\"email\": \"x@y.example\", \"name\": \"X\", \"password\": \"" + Session.PASSWORD + "\", \"role\": \"administrator\"}";
        }
        return "{}";
    }

    /** Fills each {variable} with the other organisation's id of the kind named just before it. */
    private String fill(String template) {
        Matcher m = Pattern.compile("/([\\w-]+)/\\{(\\w+)}").matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String kind = m.group(2).equals("tokenId") ? "tokens" : m.group(1);
            m.appendReplacement(filled, "/" + m.group(1) + "/" + ids.getOrDefault(kind, "1"));
        }
        String url = m.appendTail(filled).toString();
        return url.equals("/api/v1/freshness") ? url + "?zone=brugge" : url;
    }

    private Session editorless() {
        return new Session(server);
    }

    private String snapshotOfTheirs() {
        return Rows.ofOrganisation(sql, theirs);
    }
}
