package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.indexer.index.IndexManager;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;

import java.util.Map;

/** An administrator rebuilds the search index from PostgreSQL; it swaps in atomically when done. */
@Controller("/api/v1/admin/search-index/rebuild")
@Secured(Roles.ADMIN)
class IndexAdminController {

    private final IndexManager indexes;

    IndexAdminController(IndexManager indexes) {
        this.indexes = indexes;
    }

    @Post
    HttpResponse<Map<String, String>> rebuild() {
        boolean started = indexes.rebuildInBackground();
        return HttpResponse.<Map<String, String>>status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT)
                .body(Map.of("message", Messages.get(started ? "search.rebuildStarted" : "search.rebuildBusy")));
    }
}
