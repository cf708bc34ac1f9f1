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
    private final be.hulpwijzer.catalogue.module.ModuleRepository modules;

    EngagementWriter(EngagementRepository engagements, OrganisationRepository organisations, ReferenceData reference,
                     Ownership ownership, be.hulpwijzer.catalogue.module.ModuleRepository modules) {
        this.modules = modules;
        this.ownership = ownership;
        this.engagements = engagements;
        this.organisations = organisations;
        this.reference = reference;
    }

    public Engagement create(@Nullable Authentication caller, long organisationId, String json) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, organisationId);
        organisations.get(organisationId);
        EngagementInput input = EngagementInput.read(JsonFields.parse(json), reference, false, ownModules(organisationId));
        return engagements.save(input.toEngagement(organisationId, null, null, null));
    }

    public Engagement update(@Nullable Authentication caller, long id, String json) {
        ownership.requireMayChange(caller, Ownership.Entry.ENGAGEMENT, id);
        Engagement current = engagements.get(id);
        EngagementInput input = EngagementInput.read(JsonFields.parse(json), reference, true, ownModules(current.organisationId()));
        return engagements.update(input.toEngagement(current.organisationId(), id, input.version(), current.createdAt()));
    }

    private java.util.Set<Long> ownModules(long organisationId) {
        return modules.findByOrganisationIdOrderByTitle(organisationId).stream()
                .map(be.hulpwijzer.catalogue.module.HelpModule::id).collect(java.util.stream.Collectors.toSet());
    }

    public void delete(@Nullable Authentication caller, long id) {
        ownership.requireMayChange(caller, Ownership.Entry.ENGAGEMENT, id);
        engagements.delete(engagements.get(id));
    }
}
