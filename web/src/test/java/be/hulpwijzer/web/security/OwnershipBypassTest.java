package be.hulpwijzer.web.security;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.Sql;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Rows;
import be.hulpwijzer.web.testing.Session;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile review's attack, for every member of its class: every write endpoint and page form (and the
 * pages that show another organisation's forms or records), as an editor, a token, a coordinator of
 * another zone and an anonymous caller, with the other organisation's ids spelled every way a router or
 * a number parser may read them. Nothing of the other organisation may change, and no answer may be a
 * success.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnershipBypassTest implements SearchTest {

    /** Ways to write the id n in a path that decode, route or parse to n (or to something near it). */
    static final Map<String, UnaryOperator<String>> SPELLINGS = spellings();

    private static Map<String, UnaryOperator<String>> spellings() {
        Map<String, UnaryOperator<String>> spellings = new LinkedHashMap<>();
        spellings.put("plain", n -> n);
        spellings.put("percent-encoded digits", n -> n.chars().mapToObj(c -> "%3" + (char) c).reduce("", String::concat));
        spellings.put("leading +", n -> "%2B" + n);
        spellings.put("raw leading +", n -> "+" + n);
        spellings.put("leading zeros", n -> "0".repeat(19 - n.length()) + n);
        spellings.put("more than 18 digits", n -> "0".repeat(30) + n);
        spellings.put("Arabic-Indic digits", n -> digits(n, '\u0660'));
        spellings.put("fullwidth digits", n -> digits(n, '\uFF10'));
        spellings.put("trailing ;x", n -> n + ";x");
        spellings.put("trailing %2F", n -> n + "%2F");
        spellings.put("encoded trailing space", n -> n + "%20");
        return spellings;
    }

    private static String digits(String n, char zero) {
        StringBuilder s = new StringBuilder();
        n.chars().forEach(c -> s.append((char) (zero + (c - '0'))));
        return URLEncoder.encode(s.toString(), StandardCharsets.UTF_8);
    }

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;

    Api admin;
    long theirs;
    Map<String, String> ids;
    String token;
    Session editor;
    Session coordinator;
    Session anonymous;
    Map<Session, String> csrf;

    @BeforeAll
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        long ours = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        theirs = admin.post("/api/v1/organisations", organisation("CGG Gent").replace("0403.170.701", "0412.345.614")).id();
        long module = admin.post("/api/v1/organisations/" + theirs + "/modules", module("Consult voor jongeren")).id();
        admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": 4}");
        long location = admin.post("/api/v1/organisations/" + theirs + "/locations", "{\"name\": \"Onthaal\", \"postcode\": \"8000\"}").id();
        long engagement = admin.post("/api/v1/organisations/" + theirs + "/engagements",
                "{\"title\": \"GBO binnen 5 dagen\", \"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\"}").id();
        long tokenOfTheirs = admin.post("/api/v1/organisations/" + theirs + "/tokens", "{\"label\": \"hun systeem\"}").id();
        ids = Map.of("org", String.valueOf(theirs), "module", String.valueOf(module), "location", String.valueOf(location),
                "engagement", String.valueOf(engagement), "token", String.valueOf(tokenOfTheirs));
        account("editor@ours.example", "\"role\": \"editor\", \"organisations\": [" + ours + "]");
        // the other organisation serves and sits in Brugge and Oostkust only
        account("coordinator@gent.example", "\"role\": \"coordinator\", \"zones\": [\"gent\"]");
        token = admin.post("/api/v1/organisations/" + ours + "/tokens", "{\"label\": \"ons systeem\"}").body().get("token").asText();
        editor = Session.loggedIn(server, "editor@ours.example");
        coordinator = Session.loggedIn(server, "coordinator@gent.example");
        anonymous = new Session(server);
        csrf = Map.of(editor, editor.csrf("/account/wachtwoord"), coordinator, coordinator.csrf("/account/wachtwoord"),
                anonymous, "");
    }

    /** A request to try: method, path with {org}, {module}, ... and its body (JSON for the API, a form for pages). */
    record Attack(String method, String path, String body) {

        boolean page() {
            return !path.startsWith("/api/");
        }
    }

    static final String ORGANISATION = "{\"version\": 0, \"name\": \"Overgenomen\", \"sector\": \"cgg\"}";
    static final String MODULE_FORM = "&title=Overgenomen&type=consult&setting=ambulant&access=rtj&ageMinMonths=12+jaar"
            + "&lifeDomains=psychisch-welzijn&zones=brugge&status=active";

    static final List<Attack> ATTACKS = List.of(
            new Attack("PUT", "/api/v1/organisations/{org}", ORGANISATION),
            new Attack("DELETE", "/api/v1/organisations/{org}", null),
            new Attack("POST", "/api/v1/organisations/{org}/modules", module("Ingeplant")),
            new Attack("POST", "/api/v1/organisations/{org}/locations", "{\"name\": \"Ingeplant\", \"postcode\": \"8000\"}"),
            new Attack("POST", "/api/v1/organisations/{org}/engagements",
                    "{\"title\": \"Ingeplant\", \"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\"}"),
            new Attack("POST", "/api/v1/organisations/{org}/tokens", "{\"label\": \"gestolen\"}"),
            new Attack("GET", "/api/v1/organisations/{org}/tokens", null),
            new Attack("DELETE", "/api/v1/organisations/{org}/tokens/{token}", null),
            new Attack("POST", "/api/v1/organisations/{org}/verification", null),
            new Attack("GET", "/api/v1/organisations/{org}/audit", null),
            new Attack("GET", "/api/v1/organisations/{org}/to-confirm", null),
            new Attack("PUT", "/api/v1/modules/{module}", Fixtures.withVersion(module("Overgenomen"), 0)),
            new Attack("DELETE", "/api/v1/modules/{module}", null),
            new Attack("PUT", "/api/v1/modules/{module}/availability", "{\"version\": 0, \"state\": \"closed\"}"),
            new Attack("POST", "/api/v1/modules/{module}/availability/confirmation", "{\"version\": 0}"),
            new Attack("PUT", "/api/v1/locations/{location}", "{\"version\": 0, \"name\": \"Overgenomen\", \"postcode\": \"8000\"}"),
            new Attack("DELETE", "/api/v1/locations/{location}", null),
            new Attack("PUT", "/api/v1/engagements/{engagement}",
                    "{\"version\": 0, \"title\": \"Overgenomen\", \"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\"}"),
            new Attack("DELETE", "/api/v1/engagements/{engagement}", null),
            new Attack("POST", "/wachtlijsten/{module}", "&state=closed&version=0"),
            new Attack("POST", "/wachtlijsten/{module}/bevestigen", "&version=0"),
            new Attack("GET", "/beheer/organisaties/{org}", null),
            new Attack("GET", "/beheer/organisaties/{org}/gegevens", null),
            new Attack("POST", "/beheer/organisaties/{org}/gegevens", "&version=0&name=Overgenomen&sector=cgg"),
            new Attack("GET", "/beheer/organisaties/{org}/locaties/nieuw", null),
            new Attack("POST", "/beheer/organisaties/{org}/locaties/nieuw", "&name=Ingeplant&postcode=8000"),
            new Attack("GET", "/beheer/organisaties/{org}/modules/nieuw", null),
            new Attack("POST", "/beheer/organisaties/{org}/modules/nieuw", MODULE_FORM),
            new Attack("GET", "/beheer/organisaties/{org}/engagementen/nieuw", null),
            new Attack("POST", "/beheer/organisaties/{org}/engagementen/nieuw", "&title=Ingeplant&zones=brugge&validFrom=2026-01-01"),
            new Attack("POST", "/beheer/organisaties/{org}/tokens", "&label=gestolen"),
            new Attack("POST", "/beheer/organisaties/{org}/tokens/{token}/intrekken", ""),
            new Attack("GET", "/beheer/locaties/{location}", null),
            new Attack("POST", "/beheer/locaties/{location}", "&version=0&name=Overgenomen&postcode=8000"),
            new Attack("POST", "/beheer/locaties/{location}/verwijderen", ""),
            new Attack("GET", "/beheer/modules/{module}", null),
            new Attack("POST", "/beheer/modules/{module}", "&version=0" + MODULE_FORM),
            new Attack("GET", "/beheer/engagementen/{engagement}", null),
            new Attack("POST", "/beheer/engagementen/{engagement}", "&version=0&title=Overgenomen&zones=brugge&validFrom=2026-01-01"),
            new Attack("POST", "/beheer/engagementen/{engagement}/verwijderen", ""),
            new Attack("POST", "/te-bevestigen/organisaties/{org}/verifieren", ""),
            new Attack("GET", "/te-bevestigen?organisatie={org}", null),
            new Attack("GET", "/wijzigingen/{org}", null));

    @Test
    void noCallerChangesOrReadsAnotherOrganisationsEntriesWhateverTheIdsSpelling() {
        String before = snapshotOfTheirs();
        List<String> breaches = new ArrayList<>();
        int tried = 0;
        for (Attack attack : ATTACKS) {
            for (Map.Entry<String, UnaryOperator<String>> spelling : SPELLINGS.entrySet()) {
                String path = fill(attack.path(), spelling.getValue());
                for (String caller : List.of("editor", "token", "coordinator of another zone", "anonymous")) {
                    if (attack.page() && caller.equals("token")) {
                        continue; // a token is no login: pages never see it
                    }
                    HttpResponse<String> answer = send(attack, path, caller);
                    tried++;
                    String breach = breach(attack, answer);
                    String now = snapshotOfTheirs();
                    if (breach != null || !now.equals(before)) {
                        breaches.add(attack.method() + " " + path + " (" + spelling.getKey() + ") as " + caller + ": "
                                + answer.statusCode() + (breach == null ? "" : " " + breach)
                                + (now.equals(before) ? "" : ", and the other organisation's rows changed"));
                        before = now;
                    }
                }
            }
        }
        assertThat(breaches).as("of " + tried + " requests").isEmpty();
        assertThat(tried).isGreaterThan(1000);
    }

    @Test
    void anEditorIsRefusedWithForbiddenNotJustSomeError() {
        for (Attack attack : ATTACKS) {
            if (attack.path().startsWith("/te-bevestigen")) {
                continue; // coordinators' page: an editor sees only its own organisations there
            }
            for (String spelling : List.of("plain", "percent-encoded digits", "leading zeros", "Arabic-Indic digits")) {
                String path = fill(attack.path(), SPELLINGS.get(spelling));
                int status = send(attack, path, "editor").statusCode();
                assertThat(status).as(attack.method() + " " + path + " (" + spelling + ")").isIn(403, 404, 400);
                if (spelling.equals("plain")) {
                    assertThat(status).as(attack.method() + " " + path).isEqualTo(403);
                }
            }
        }
    }

    /**
     * Why an answer is a breach: a server error; a write that succeeded; a private API read that answered;
     * a page that shows the other organisation's name or module (a page may answer 200 with the caller's own).
     */
    private static String breach(Attack attack, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status >= 500) {
            return "server error";
        }
        if (attack.page() && attack.method().equals("GET")) {
            return status == 200 && (answer.body().contains("CGG Gent") || answer.body().contains("Consult voor jongeren"))
                    ? "shows the other organisation" : null;
        }
        if (status >= 200 && status < 300) {
            return "success";
        }
        if (status == 303 || status == 302) {
            String location = answer.headers().firstValue("Location").orElse("");
            return location.endsWith("/login") ? null : "redirect after a write to " + location;
        }
        return null;
    }

    private HttpResponse<String> send(Attack attack, String path, String caller) {
        Session session = switch (caller) {
            case "editor" -> editor;
            case "coordinator of another zone" -> coordinator;
            default -> anonymous;
        };
        if (attack.page()) {
            if (attack.method().equals("GET")) {
                return session.get(path);
            }
            return session.post(path, "_csrf=" + csrf.get(session) + attack.body());
        }
        List<String> headers = new ArrayList<>();
        if (caller.equals("token")) {
            headers.addAll(List.of("Authorization", "Bearer " + token));
        } else if (session != anonymous) {
            headers.addAll(List.of("X-CSRF-Token", csrf.get(session)));
        }
        return session.json(attack.method(), path, attack.body(), headers.toArray(String[]::new));
    }

    private String fill(String path, UnaryOperator<String> spelling) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(spelling.apply(ids.get(m.group(1)))));
        }
        return m.appendTail(filled).toString();
    }

    private String snapshotOfTheirs() {
        return Rows.ofOrganisation(sql, theirs);
    }

    private void account(String email, String rest) {
        assertThat(admin.post("/api/v1/accounts", "{\"email\": \"" + email + "\", \"name\": \"X\", \"password\": \""
                + Session.PASSWORD + "\", " + rest + "}").status()).isEqualTo(201);
    }
}
