package be.hulpwijzer.indexer.document;

import java.time.Instant;
import java.util.List;

/** A module flattened with what search needs of its organisation, locations, methods and availability. */
public record ModuleSource(long id, long organisationId, String organisationName, String sector, String title,
                           String description, String type, String typeName, String setting, String access,
                           int ageMinMonths, Integer ageMaxMonths, List<String> lifeDomains, List<String> zones,
                           List<String> methods, String methodText, List<String> languages, String referralProcedure,
                           List<String> municipalities, String status, String availabilityState, Integer freePlaces,
                           Integer expectedWaitDays, Instant confirmedAt, List<Point> points, String cost) {

    /** Where the organisation can be found (WGS84), for sorting by distance. */
    public record Point(double latitude, double longitude) {
    }

    public boolean searchable() {
        return "active".equals(status);
    }

    /** Free, waiting, closed, or unknown (also when never filled in). */
    public String state() {
        return availabilityState == null ? "unknown" : availabilityState;
    }
}
