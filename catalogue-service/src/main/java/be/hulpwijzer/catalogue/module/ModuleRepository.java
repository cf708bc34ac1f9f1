package be.hulpwijzer.catalogue.module;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ModuleRepository extends CrudRepository<HelpModule, Long> {

    /** The module, or a 404 for the client. */
    default HelpModule get(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(Messages.get("what.module"), id));
    }

    List<HelpModule> findByOrganisationIdOrderByTitle(long organisationId);

    /** A batch of modules, by id (an export reads a batch at a time). */
    List<HelpModule> findByIdInOrderById(java.util.Collection<Long> ids);

    @Query("select * from module where :code = any(methods) order by title")
    List<HelpModule> findPractising(String code);

    @Query("select count(*) from module where :code = any(methods)")
    long countUsingMethod(String code);
}
