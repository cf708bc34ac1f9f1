package be.hulpwijzer.indexer;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract and the code cannot drift apart: every API route (catalogue and search) is in the OpenAPI document and back. */
@MicronautTest(environments = "test", transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements be.hulpwijzer.indexer.testing.SearchTest {

    @Inject
    Router router;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void everyApiRouteIsDocumentedAndEveryDocumentedRouteExists() {
        String yaml = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/openapi.yml"));
        Map<String, Object> document = new Yaml().load(yaml);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(k -> !k.equals("parameters"))
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        Set<String> implemented = new TreeSet<>();
        router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r)
                .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api/"))
                .filter(r -> !"HEAD".equals(r.getHttpMethodName())) // added by Micronaut for every GET
                .forEach(r -> implemented.add(r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString()));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(implemented);
    }
}
