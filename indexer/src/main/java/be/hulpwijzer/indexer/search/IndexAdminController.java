package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.indexer.index.IndexManager;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;

/**
 * An administrator sees whether the search index follows PostgreSQL, and rebuilds it from PostgreSQL;
 * a rebuild swaps in atomically when done.
 */
@Controller("/api/v1/admin/search-index")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class IndexAdminController {

    private final IndexManager indexes;

    IndexAdminController(IndexManager indexes) {
        this.indexes = indexes;
    }

    @Get
    IndexManager.Status status() throws SQLException, IOException {
        return indexes.status();
    }

    @Post("/rebuild")
    HttpResponse<Map<String, String>> rebuild() {
        boolean started = indexes.rebuildInBackground();
        return HttpResponse.<Map<String, String>>status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT)
                .body(Map.of("message", Messages.get(started ? "search.rebuildStarted" : "search.rebuildBusy")));
    }
}
