package be.hulpwijzer.catalogue.engagement;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import jakarta.inject.Singleton;

/** Creates and changes engagements from a client's JSON, for the API and the editing pages alike. */
@Singleton
public class EngagementWriter {

    private final EngagementRepository engagements;
    private final OrganisationRepository organisations;
    private final ReferenceData reference;

    EngagementWriter(EngagementRepository engagements, OrganisationRepository organisations, ReferenceData reference) {
        this.engagements = engagements;
        this.organisations = organisations;
        this.reference = reference;
    }

    public Engagement create(long organisationId, String json) {
        EngagementInput input = EngagementInput.read(JsonFields.parse(json), reference, false);
        organisations.get(organisationId);
        return engagements.save(input.toEngagement(organisationId, null, null, null));
    }

    public Engagement update(long id, String json) {
        EngagementInput input = EngagementInput.read(JsonFields.parse(json), reference, true);
        Engagement current = engagements.get(id);
        return engagements.update(input.toEngagement(current.organisationId(), id, input.version(), current.createdAt()));
    }

    public void delete(long id) {
        engagements.delete(engagements.get(id));
    }
}
