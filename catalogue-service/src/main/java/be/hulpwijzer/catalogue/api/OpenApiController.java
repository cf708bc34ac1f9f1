package be.hulpwijzer.catalogue.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the hand-written API contract, {@code openapi/hulpwijzer.yml}. */
@Controller("/api/v1/openapi.yml")
@Secured(SecurityRule.IS_ANONYMOUS)
class OpenApiController {

    static final String RESOURCE = "/openapi/hulpwijzer.yml";
    private final byte[] document;

    OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType("application/yaml");
    }
}
