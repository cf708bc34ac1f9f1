package be.hulpwijzer.indexer.document;

import java.time.LocalDate;
import java.util.List;

/** An engagement with its organisation's name, as search shows it. */
public record EngagementSource(long id, long organisationId, String organisationName, String title, String description,
                               String targetGroup, Integer capacityPerMonth, Integer responseTimeDays, List<String> zones,
                               LocalDate validFrom, LocalDate validTo) {
}
