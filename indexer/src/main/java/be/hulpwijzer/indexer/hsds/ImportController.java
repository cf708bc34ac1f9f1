package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.api.LargeUpload;
import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code POST /api/v1/imports}: administrators fill Hulpwijzer from HSDS: services as JSON (a list, an HSDS page,
 * or one service a line, as {@code services.ndjson}), or a data package uploaded as a file (multipart, part
 * {@code file}: a zip as {@code /api/hsds/export.zip} gives, with or without {@code services.ndjson}). One
 * transaction, so a wrong row keeps nothing; the report says per object what was created, updated or unchanged.
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

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @LargeUpload
    @Audited
    HsdsImport.Report importPackage(@Part("file") CompletedFileUpload file) throws IOException {
        Path copy = Files.createTempFile("hsds-import", ".upload");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            HsdsPackage.Contents contents = HsdsPackage.read(copy, file.getFilename());
            return importer.run(contents.services(), contents.organizations());
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
