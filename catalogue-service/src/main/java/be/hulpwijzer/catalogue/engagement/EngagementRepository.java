package be.hulpwijzer.catalogue.engagement;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EngagementRepository extends CrudRepository<Engagement, Long> {

    default Engagement get(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(Messages.get("what.engagement"), id));
    }

    List<Engagement> findByOrganisationIdOrderByValidFromDesc(long organisationId);

    /** The engagements of a batch of organisations, by id. */
    List<Engagement> findByOrganisationIdInOrderById(java.util.Collection<Long> organisationIds);
}
