package be.hulpwijzer.catalogue.location;

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
class LocationController {

    private final LocationRepository locations;
    private final OrganisationRepository organisations;
    private final LocationWriter writer;

    LocationController(LocationRepository locations, OrganisationRepository organisations, LocationWriter writer) {
        this.locations = locations;
        this.organisations = organisations;
        this.writer = writer;
    }

    @Get("/organisations/{id}/locations")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<Location> list(long id) {
        organisations.get(id);
        return locations.findByOrganisationIdOrderByName(id);
    }

    @Get("/locations/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Location show(long id) {
        return locations.get(id);
    }

    @Post("/organisations/{id}/locations")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    HttpResponse<Location> create(long id, @Body String body, Authentication caller) {
        Location saved = writer.create(caller, id, body);
        return HttpResponse.created(saved, URI.create("/api/v1/locations/" + saved.id()));
    }

    @Put("/locations/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    Location update(long id, @Body String body, Authentication caller) {
        return writer.update(caller, id, body);
    }

    @Delete("/locations/{id}")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    @Status(HttpStatus.NO_CONTENT)
    void delete(long id, Authentication caller) {
        writer.delete(caller, id);
    }
}
