package be.hulpwijzer.catalogue.location;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LocationRepository extends CrudRepository<Location, Long> {

    default Location get(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(Messages.get("what.location"), id));
    }

    List<Location> findByOrganisationIdOrderByName(long organisationId);

    /** The locations of a batch of organisations, by name (each organisation's in the order of the one above). */
    List<Location> findByOrganisationIdInOrderByName(java.util.Collection<Long> organisationIds);
}
