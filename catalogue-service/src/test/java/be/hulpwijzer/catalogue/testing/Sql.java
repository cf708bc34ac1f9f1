package be.hulpwijzer.catalogue.testing;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL for tests: the changes and checks the API must not offer (writing behind its back, reading hashes). */
@Singleton
public class Sql {

    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    public void run(String statement) {
        jdbc.execute(c -> c.createStatement().executeUpdate(statement));
    }

    /** The first column of every row, as text. */
    @Connectable
    public List<String> column(String query) {
        return jdbc.execute(c -> {
            List<String> values = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(query)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }
}
