package be.hulpwijzer.catalogue.engagement;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
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
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.util.List;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
class EngagementController {

    private final EngagementRepository engagements;
    private final OrganisationRepository organisations;
    private final ReferenceData reference;

    EngagementController(EngagementRepository engagements, OrganisationRepository organisations, ReferenceData reference) {
        this.engagements = engagements;
        this.organisations = organisations;
        this.reference = reference;
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
    HttpResponse<Engagement> create(long id, @Body String body) {
        EngagementInput input = EngagementInput.read(JsonFields.parse(body), reference, false);
        organisations.get(id);
        Engagement saved = engagements.save(input.toEngagement(id, null, null, null));
        return HttpResponse.created(saved, URI.create("/api/v1/engagements/" + saved.id()));
    }

    @Put("/engagements/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    Engagement update(long id, @Body String body) {
        EngagementInput input = EngagementInput.read(JsonFields.parse(body), reference, true);
        Engagement current = engagements.get(id);
        return engagements.update(input.toEngagement(current.organisationId(), id, input.version(), current.createdAt()));
    }

    @Delete("/engagements/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    @Status(HttpStatus.NO_CONTENT)
    void delete(long id) {
        engagements.delete(engagements.get(id));
    }
}
