package be.hulpwijzer.catalogue.engagement;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.security.Ownership;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/** Creates and changes engagements from a client's JSON, for the API and the editing pages alike; asks {@link Ownership} first. */
@Singleton
public class EngagementWriter {

    private final EngagementRepository engagements;
    private final OrganisationRepository organisations;
    private final ReferenceData reference;
    private final Ownership ownership;

    EngagementWriter(EngagementRepository engagements, OrganisationRepository organisations, ReferenceData reference,
                     Ownership ownership) {
        this.ownership = ownership;
        this.engagements = engagements;
        this.organisations = organisations;
        this.reference = reference;
    }

    public Engagement create(@Nullable Authentication caller, long organisationId, String json) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, organisationId);
        EngagementInput input = EngagementInput.read(JsonFields.parse(json), reference, false);
        organisations.get(organisationId);
        return engagements.save(input.toEngagement(organisationId, null, null, null));
    }

    public Engagement update(@Nullable Authentication caller, long id, String json) {
        ownership.requireMayChange(caller, Ownership.Entry.ENGAGEMENT, id);
        EngagementInput input = EngagementInput.read(JsonFields.parse(json), reference, true);
        Engagement current = engagements.get(id);
        return engagements.update(input.toEngagement(current.organisationId(), id, input.version(), current.createdAt()));
    }

    public void delete(@Nullable Authentication caller, long id) {
        ownership.requireMayChange(caller, Ownership.Entry.ENGAGEMENT, id);
        engagements.delete(engagements.get(id));
    }
}
