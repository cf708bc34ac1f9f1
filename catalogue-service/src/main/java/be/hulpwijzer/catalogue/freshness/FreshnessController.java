package be.hulpwijzer.catalogue.freshness;

import be.hulpwijzer.catalogue.freshness.Freshness.OrganisationFreshness;
import be.hulpwijzer.catalogue.freshness.Freshness.ToConfirm;
import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.List;

/** What an organisation has to confirm, how fresh the organisations of a zone are, and verification. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class FreshnessController {

    private final Freshness freshness;

    FreshnessController(Freshness freshness) {
        this.freshness = freshness;
    }

    @Get("/organisations/{id}/to-confirm")
    @Secured({Roles.ADMIN, Roles.COORDINATOR, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    List<ToConfirm> toConfirm(long id, Authentication caller) {
        return freshness.toConfirm(id, caller);
    }

    @Get("/freshness")
    @Secured({Roles.ADMIN, Roles.COORDINATOR})
    List<OrganisationFreshness> freshness(@QueryValue String zone, Authentication caller) {
        return freshness.freshness(zone, caller);
    }

    /** A coordinator (for an organisation active in their zones) or an administrator marks it verified, now. */
    @Post("/organisations/{id}/verification")
    @Audited
    @Secured({Roles.ADMIN, Roles.COORDINATOR})
    OrganisationFreshness verify(long id, @Nullable @Body String body, Authentication caller) {
        return freshness.verify(id, caller, body == null ? "" : body);
    }

    @Get("/organisations/{id}/verifications")
    @Secured({Roles.ADMIN, Roles.COORDINATOR, Roles.EDITOR})
    List<Verification> verifications(long id, Authentication caller) {
        return freshness.verifications(id, caller);
    }
}
