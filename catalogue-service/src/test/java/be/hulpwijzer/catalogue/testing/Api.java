package be.hulpwijzer.catalogue.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** A small JSON client for HTTP tests: answers with status and parsed body, whatever the status. */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final String token;
    private final String authorization;

    public Api(HttpClient client, String token) {
        this(client, token, null);
    }

    private Api(HttpClient client, String token, String authorization) {
        this.client = client;
        this.token = token;
        this.authorization = authorization;
    }

    /** Calls with this Authorization header instead of a token ("Basic ..." for a person). */
    public Api withAuthorization(String header) {
        return new Api(client, null, header);
    }

    public static Api admin(HttpClient client) {
        return new Api(client, ADMIN_TOKEN);
    }

    public static Api anonymous(HttpClient client) {
        return new Api(client, null);
    }

    public Api withToken(String otherToken) {
        return new Api(client, otherToken);
    }

    public Reply get(String path) {
        return send(HttpRequest.GET(path));
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON));
    }

    public Reply put(String path, String json) {
        return send(HttpRequest.PUT(path, json).contentType(MediaType.APPLICATION_JSON));
    }

    public Reply delete(String path) {
        return send(HttpRequest.DELETE(path));
    }

    private Reply send(MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            response = (HttpResponse<String>) e.getResponse();
            return new Reply(response.code(), parse(e.getResponse().getBody(String.class).orElse("")),
                    response.getContentType().map(MediaType::toString).orElse(""));
        }
        return new Reply(response.code(), parse(response.getBody().orElse("")),
                response.getContentType().map(MediaType::toString).orElse(""));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("response is not JSON: " + body, e);
        }
    }

    /** An answer: status, JSON body, content type. */
    public record Reply(int status, JsonNode body, String contentType) {

        public long id() {
            return body.get("id").asLong();
        }

        public long version() {
            return body.get("version").asLong();
        }

        /** The fields named in a problem document's errors. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            body.path("errors").forEach(e -> fields.add(e.get("field").asText()));
            return fields;
        }
    }
}
