package be.hulpwijzer.catalogue.availability;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AvailabilityRepository extends CrudRepository<Availability, Long> {

    /** The availability of these modules, in one query (those without one are absent). */
    java.util.List<Availability> findByModuleIdIn(java.util.Collection<Long> moduleIds);
}
