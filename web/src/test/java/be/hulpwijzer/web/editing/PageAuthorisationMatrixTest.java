package be.hulpwijzer.web.editing;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Session;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static be.hulpwijzer.web.testing.Session.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form that changes something, and the API reached with the login cookie, tried as anonymous, an
 * editor of the organisation, an editor of another, a coordinator of its zone and an administrator, with
 * and without the CSRF token: the exact status each time. 303 for anonymous is the redirect to the login.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAuthorisationMatrixTest implements SearchTest {

    private static final String[] CALLERS = {"anonymous", "editor of ours", "editor of theirs", "coordinator", "administrator"};

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;

    Api admin;
    long ours;
    long module;
    long location;
    long engagement;
    long token;
    Map<String, Session> sessions;
    Map<String, String> csrf;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        ours = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        long theirs = admin.post("/api/v1/organisations", organisation("CGG Gent").replace("0403.170.701", "0412.345.614")).id();
        account("editor@ours.example", "\"role\": \"editor\", \"organisations\": [" + ours + "]");
        account("editor@theirs.example", "\"role\": \"editor\", \"organisations\": [" + theirs + "]");
        account("coordinator@brugge.example", "\"role\": \"coordinator\", \"zones\": [\"brugge\"]");
        account("admin@hulpwijzer.example", "\"role\": \"administrator\"");
        sessions = new LinkedHashMap<>();
        csrf = new LinkedHashMap<>();
        sessions.put(CALLERS[0], new Session(server));
        csrf.put(CALLERS[0], "");
        String[] emails = {null, "editor@ours.example", "editor@theirs.example", "coordinator@brugge.example", "admin@hulpwijzer.example"};
        for (int i = 1; i < CALLERS.length; i++) {
            Session session = Session.loggedIn(server, emails[i]);
            sessions.put(CALLERS[i], session);
            csrf.put(CALLERS[i], session.csrf("/account/wachtwoord"));
        }
    }

    /** A write, its form (given the CSRF token to send), and the status per caller with and without the token. */
    private record Row(String path, Function<String, String> form, int[] withToken, int[] withoutToken) {
    }

    private static int[] statuses(int... expected) {
        return expected;
    }

    @Test
    void everyPageWriteAnswersEachCallerExactlyWithAndWithoutCsrfToken() {
        int[] refusedWithoutToken = statuses(303, 403, 403, 403, 403);
        String moduleForm = "&title=Titel&type=consult&setting=ambulant&access=rtj&ageMinMonths=12+jaar&lifeDomains=psychisch-welzijn"
                + "&zones=brugge&status=active";
        List<Row> rows = List.of(
                //                                                                                            anon edO edT coord admin
                new Row("/wachtlijsten/{module}", t -> t + "&state=free&freePlaces=2&version=0", statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/wachtlijsten/{module}/bevestigen", t -> t + "&version=0", statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/organisaties/{ours}/gegevens", t -> t + "&version={version}&name=CGG+Brugge&sector=cgg",
                        statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/organisaties/{ours}/locaties/nieuw", t -> t + "&name=Onthaal&postcode=8000", statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/locaties/{location}", t -> t + "&version=0&name=Onthaal&postcode=8000", statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/locaties/{location}/verwijderen", t -> t, statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/organisaties/{ours}/modules/nieuw", t -> t + moduleForm, statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/modules/{module}", t -> t + "&version=0" + moduleForm, statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/organisaties/{ours}/engagementen/nieuw", t -> t + "&title=GBO&zones=brugge&validFrom=2026-01-01",
                        statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/engagementen/{engagement}", t -> t + "&version=0&title=GBO&zones=brugge&validFrom=2026-01-01",
                        statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/engagementen/{engagement}/verwijderen", t -> t, statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/beheer/organisaties/{ours}/tokens", t -> t + "&label=Systeem", statuses(303, 200, 403, 403, 200), refusedWithoutToken),
                new Row("/beheer/organisaties/{ours}/tokens/{token}/intrekken", t -> t, statuses(303, 303, 403, 403, 303), refusedWithoutToken),
                new Row("/te-bevestigen/organisaties/{ours}/verifieren", t -> t + "&checked=contact", statuses(303, 403, 403, 409, 409), refusedWithoutToken),
                new Row("/accounts/nieuw", t -> t + "&email=nieuw-{n}%40ours.example&name=Nieuw&password=" + encode(Session.PASSWORD)
                        + "&role=editor&organisations={ours}", statuses(303, 403, 403, 303, 303), refusedWithoutToken),
                new Row("/account/wachtwoord", t -> t + "&currentPassword=" + encode(Session.PASSWORD) + "&newPassword=" + encode(Session.PASSWORD),
                        statuses(303, 303, 303, 303, 303), refusedWithoutToken));
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        for (Row row : rows) {
            for (boolean withToken : new boolean[]{true, false}) {
                for (int column = 0; column < CALLERS.length; column++) {
                    freshEntries();
                    String caller = CALLERS[column];
                    String path = fill(row.path(), n);
                    String form = fill(row.form().apply("_csrf=" + (withToken ? csrf.get(caller) : "")), n++);
                    HttpResponse<String> answer = sessions.get(caller).post(path, form);
                    int expected = (withToken ? row.withToken() : row.withoutToken())[column];
                    if (answer.statusCode() != expected) {
                        mismatches.add("POST " + path + (withToken ? " with" : " without") + " CSRF token as " + caller + ": "
                                + answer.statusCode() + ", expected " + expected);
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theApiReachedWithTheLoginCookieWantsTheCsrfHeader() {
        int[] withHeader = statuses(401, 200, 403, 403, 200);
        int[] withoutHeader = statuses(401, 403, 403, 403, 403);
        List<String> mismatches = new ArrayList<>();
        for (boolean header : new boolean[]{true, false}) {
            for (int column = 0; column < CALLERS.length; column++) {
                freshEntries();
                String caller = CALLERS[column];
                String[] headers = header && column > 0 ? new String[]{"X-CSRF-Token", csrf.get(caller)} : new String[0];
                int status = sessions.get(caller).json("PUT", "/api/v1/modules/" + module + "/availability",
                        "{\"version\": 0, \"state\": \"free\", \"freePlaces\": 3}", headers).statusCode();
                int expected = (header ? withHeader : withoutHeader)[column];
                if (status != expected) {
                    mismatches.add("PUT availability " + (header ? "with" : "without") + " header as " + caller + ": " + status
                            + ", expected " + expected);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private String fill(String text, int n) {
        return text.replace("{ours}", String.valueOf(ours)).replace("{module}", String.valueOf(module))
                .replace("{location}", String.valueOf(location)).replace("{engagement}", String.valueOf(engagement))
                .replace("{token}", String.valueOf(token)).replace("{n}", String.valueOf(n))
                .replace("{version}", admin.get("/api/v1/organisations/" + ours).body().get("version").asText());
    }

    /** Writes change versions and delete rows: every call gets fresh entries of ours. */
    private void freshEntries() {
        module = admin.post("/api/v1/organisations/" + ours + "/modules", module("Vers")).id();
        admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": 2}");
        location = admin.post("/api/v1/organisations/" + ours + "/locations", "{\"name\": \"Onthaal\", \"postcode\": \"8000\"}").id();
        engagement = admin.post("/api/v1/organisations/" + ours + "/engagements",
                "{\"title\": \"GBO\", \"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\"}").id();
        token = admin.post("/api/v1/organisations/" + ours + "/tokens", "{\"label\": \"x\"}").id();
    }

    private void account(String email, String rest) {
        assertThat(admin.post("/api/v1/accounts", "{\"email\": \"" + email + "\", \"name\": \"X\", \"password\": \""
                + Session.PASSWORD + "\", " + rest + "}").status()).isEqualTo(201);
    }
}
