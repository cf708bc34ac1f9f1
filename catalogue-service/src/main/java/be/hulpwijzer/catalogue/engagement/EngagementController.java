package be.hulpwijzer.catalogue.engagement;

import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
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
import java.util.List;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_JSON)
class EngagementController {

    private final EngagementRepository engagements;
    private final OrganisationRepository organisations;
    private final EngagementWriter writer;

    EngagementController(EngagementRepository engagements, OrganisationRepository organisations, EngagementWriter writer) {
        this.engagements = engagements;
        this.organisations = organisations;
        this.writer = writer;
    }

    @Get("/organisations/{id}/engagements")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<Engagement> list(long id) {
        organisations.get(id);
        return engagements.findByOrganisationIdOrderByValidFromDesc(id);
    }

    @Get("/engagements/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Engagement show(long id) {
        return engagements.get(id);
    }

    @Post("/organisations/{id}/engagements")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    HttpResponse<Engagement> create(long id, @Body String body, Authentication caller) {
        Engagement saved = writer.create(caller, id, body);
        return HttpResponse.created(saved, URI.create("/api/v1/engagements/" + saved.id()));
    }

    @Put("/engagements/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    Engagement update(long id, @Body String body, Authentication caller) {
        return writer.update(caller, id, body);
    }

    @Delete("/engagements/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    @Status(HttpStatus.NO_CONTENT)
    void delete(long id, Authentication caller) {
        writer.delete(caller, id);
    }
}
