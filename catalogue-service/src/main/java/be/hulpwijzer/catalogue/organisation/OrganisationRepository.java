package be.hulpwijzer.catalogue.organisation;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrganisationRepository extends CrudRepository<Organisation, Long> {

    /** The organisation, or a 404 for the client. */
    default Organisation get(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(Messages.get("what.organisation"), id));
    }

    Optional<Organisation> findByEnterpriseNumber(String enterpriseNumber);

    /** A batch of organisations, by id. */
    List<Organisation> findByIdIn(java.util.Collection<Long> ids);

    /** The first 200 organisations whose name contains the text, by name (for administrators' lists). */
    @io.micronaut.data.annotation.Query("select * from organisation where name ilike '%' || :text || '%' order by name limit 200")
    List<Organisation> findNamed(String text);
}
