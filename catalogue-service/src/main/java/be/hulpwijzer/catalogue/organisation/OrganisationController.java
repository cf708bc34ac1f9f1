package be.hulpwijzer.catalogue.organisation;

import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;

@Controller("/api/v1/organisations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_JSON)
class OrganisationController {

    private final OrganisationRepository organisations;
    private final OrganisationWriter writer;

    OrganisationController(OrganisationRepository organisations, OrganisationWriter writer) {
        this.organisations = organisations;
        this.writer = writer;
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Organisation show(long id) {
        return organisations.get(id);
    }

    @Post
    @Audited
    @Secured(Roles.ADMIN)
    HttpResponse<Organisation> create(@Body String body, Authentication caller) {
        Organisation saved = writer.create(caller, body);
        return HttpResponse.created(saved, URI.create("/api/v1/organisations/" + saved.id()));
    }

    @Put("/{id}")
    @Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    Organisation update(long id, @Body String body, Authentication caller) {
        return writer.update(caller, id, body);
    }

    @Delete("/{id}")
    @Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    @Status(HttpStatus.NO_CONTENT)
    void delete(long id, Authentication caller) {
        writer.delete(caller, id);
    }
}
