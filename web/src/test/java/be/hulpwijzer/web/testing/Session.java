package be.hulpwijzer.web.testing;

import io.micronaut.runtime.server.EmbeddedServer;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that keeps cookies and does not follow redirects, as a browser session would, sending HTML's Accept. */
public final class Session {

    public static final String PASSWORD = "een lang genoeg wachtwoord";
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private HttpResponse<String> login;

    public Session(EmbeddedServer server) {
        this.base = server.getURL().toString();
    }

    /** Logs in with {@link #PASSWORD}; fails the test when the login is refused. */
    public static Session loggedIn(EmbeddedServer server, String email) {
        Session session = new Session(server);
        session.login = session.post("/login", "username=" + encode(email) + "&password=" + encode(PASSWORD));
        assertThat(session.login.headers().firstValue("Location").orElse(""))
                .as(session.login.statusCode() + " " + session.login.body()).endsWith("/wachtlijsten");
        return session;
    }

    public HttpResponse<String> lastLogin() {
        return login;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).GET().build());
    }

    public HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).header("Origin", base.replaceAll("/$", ""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A JSON request with this session's cookie (as a script in the page would send), with extra headers (Accept among them). */
    public HttpResponse<String> json(String method, String path, String json, String... headers) {
        boolean accepts = java.util.Arrays.asList(headers).contains("Accept");
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (!accepts) {
            builder.header("Accept", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /** The login cookie's value (the signed JWT), to replay it after a logout. */
    public String jwt() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JWT")).map(java.net.HttpCookie::getValue)
                .findFirst().orElse("");
    }

    /** The form's CSRF token, as found on a page. */
    public String csrf(String path) {
        return field(get(path).body(), "_csrf");
    }

    public static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
