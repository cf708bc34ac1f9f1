package be.hulpwijzer.catalogue.location;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import jakarta.inject.Singleton;

/** Creates and changes locations from a client's JSON, for the API and the editing pages alike. */
@Singleton
public class LocationWriter {

    private final LocationRepository locations;
    private final OrganisationRepository organisations;
    private final ReferenceData reference;

    LocationWriter(LocationRepository locations, OrganisationRepository organisations, ReferenceData reference) {
        this.locations = locations;
        this.organisations = organisations;
        this.reference = reference;
    }

    public Location create(long organisationId, String json) {
        LocationInput input = LocationInput.read(JsonFields.parse(json), reference, false);
        organisations.get(organisationId);
        return locations.save(input.toLocation(organisationId, null, null, null));
    }

    public Location update(long id, String json) {
        LocationInput input = LocationInput.read(JsonFields.parse(json), reference, true);
        Location current = locations.get(id);
        return locations.update(input.toLocation(current.organisationId(), id, input.version(), current.createdAt()));
    }

    public void delete(long id) {
        locations.delete(locations.get(id));
    }
}
