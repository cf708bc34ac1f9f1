package be.hulpwijzer.catalogue.method;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MethodRepository extends CrudRepository<Method, Long> {

    default Method get(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(Messages.get("what.method"), id));
    }

    Optional<Method> findByCode(String code);

    List<Method> listOrderByName();
}
