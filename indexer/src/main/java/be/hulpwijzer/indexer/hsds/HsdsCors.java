package be.hulpwijzer.indexer.hsds;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Other directories read the HSDS API from their own pages: every GET under {@code /api/hsds} (errors too)
 * allows any origin, as Open Referral UK expects. Nothing there needs a login, so no credentials are allowed.
 */
@ServerFilter(patterns = {"/api/hsds", "/api/hsds/**"})
class HsdsCors {

    @ResponseFilter
    void allowAnyOrigin(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            response.header("Access-Control-Allow-Origin", "*");
        }
    }
}
