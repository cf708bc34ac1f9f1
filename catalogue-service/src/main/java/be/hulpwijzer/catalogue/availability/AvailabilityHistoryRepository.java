package be.hulpwijzer.catalogue.availability;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Read-only: rows are written by the database trigger on {@code availability}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AvailabilityHistoryRepository extends GenericRepository<AvailabilityChange, Long> {

    List<AvailabilityChange> findByModuleIdOrderById(long moduleId);
}
