package be.hulpwijzer.catalogue.organisation;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
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

@Controller("/api/v1/organisations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
class OrganisationController {

    private final OrganisationRepository organisations;
    private final ReferenceData reference;

    OrganisationController(OrganisationRepository organisations, ReferenceData reference) {
        this.organisations = organisations;
        this.reference = reference;
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Organisation show(long id) {
        return organisations.get(id);
    }

    @Post
    @be.hulpwijzer.catalogue.security.Audited
    @Secured(Roles.ADMIN)
    HttpResponse<Organisation> create(@Body String body) {
        OrganisationInput input = OrganisationInput.read(JsonFields.parse(body), reference, false);
        requireFreeEnterpriseNumber(input, null);
        Organisation saved = organisations.save(Organisation.create(input));
        return HttpResponse.created(saved, URI.create("/api/v1/organisations/" + saved.id()));
    }

    @Put("/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    Organisation update(long id, @Body String body) {
        OrganisationInput input = OrganisationInput.read(JsonFields.parse(body), reference, true);
        Organisation current = organisations.get(id);
        requireFreeEnterpriseNumber(input, id);
        return organisations.update(current.changedTo(input, input.version()));
    }

    @Delete("/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    @Status(HttpStatus.NO_CONTENT)
    void delete(long id) {
        organisations.delete(organisations.get(id));
    }


    private void requireFreeEnterpriseNumber(OrganisationInput input, Long ownId) {
        if (input.enterpriseNumber() == null) {
            return;
        }
        organisations.findByEnterpriseNumber(input.enterpriseNumber())
                .filter(other -> !other.id().equals(ownId))
                .ifPresent(other -> {
                    throw new InvalidRequestException(List.of(new FieldError("enterpriseNumber", "kbo.taken",
                            Messages.get("kbo.taken", EnterpriseNumber.format(input.enterpriseNumber())))));
                });
    }
}
