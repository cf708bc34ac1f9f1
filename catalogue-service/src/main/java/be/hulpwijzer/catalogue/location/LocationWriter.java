package be.hulpwijzer.catalogue.location;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.security.Ownership;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/** Creates and changes locations from a client's JSON, for the API and the editing pages alike; asks {@link Ownership} first. */
@Singleton
public class LocationWriter {

    private final LocationRepository locations;
    private final OrganisationRepository organisations;
    private final ReferenceData reference;
    private final Ownership ownership;

    LocationWriter(LocationRepository locations, OrganisationRepository organisations, ReferenceData reference,
                   Ownership ownership) {
        this.ownership = ownership;
        this.locations = locations;
        this.organisations = organisations;
        this.reference = reference;
    }

    public Location create(@Nullable Authentication caller, long organisationId, String json) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, organisationId);
        LocationInput input = LocationInput.read(JsonFields.parse(json), reference, false);
        organisations.get(organisationId);
        return locations.save(input.toLocation(organisationId, null, null, null));
    }

    public Location update(@Nullable Authentication caller, long id, String json) {
        ownership.requireMayChange(caller, Ownership.Entry.LOCATION, id);
        LocationInput input = LocationInput.read(JsonFields.parse(json), reference, true);
        Location current = locations.get(id);
        return locations.update(input.toLocation(current.organisationId(), id, input.version(), current.createdAt()));
    }

    public void delete(@Nullable Authentication caller, long id) {
        ownership.requireMayChange(caller, Ownership.Entry.LOCATION, id);
        locations.delete(locations.get(id));
    }
}
