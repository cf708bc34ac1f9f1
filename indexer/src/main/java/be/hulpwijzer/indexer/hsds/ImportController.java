package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/**
 * {@code POST /api/v1/imports}: administrators fill Hulpwijzer from HSDS services (JSON, an HSDS page, or one
 * service a line, as {@code services.ndjson}); one transaction, so a wrong row keeps nothing; the report says
 * per object what was created, updated or unchanged.
 */
@Controller("/api/v1/imports")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportController {

    private final HsdsImport importer;

    ImportController(HsdsImport importer) {
        this.importer = importer;
    }

    @Post
    @Consumes({MediaType.APPLICATION_JSON, "application/x-ndjson", MediaType.TEXT_PLAIN})
    @Audited
    HsdsImport.Report importServices(@Body String body) {
        return importer.run(HsdsImport.services(body));
    }
}
