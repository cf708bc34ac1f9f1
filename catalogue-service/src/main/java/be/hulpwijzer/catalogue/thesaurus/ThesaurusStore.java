package be.hulpwijzer.catalogue.thesaurus;

import be.hulpwijzer.catalogue.api.NotFoundException;
import be.hulpwijzer.catalogue.security.Audited;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the thesaurus groups; every change is audited (who, when, before and after). */
@Singleton
public class ThesaurusStore {

    private static final String COLUMNS = "id, terms, life_domain, module_type, source, shipped, created_by, created_at";

    private final JdbcOperations jdbc;

    ThesaurusStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The groups in use, those added by people first, then by their first word. */
    @Connectable
    public List<ThesaurusGroupView> list() {
        return jdbc.prepareStatement("select " + COLUMNS + " from thesaurus_group where removed_at is null "
                + "order by shipped, terms[1]", ps -> {
            List<ThesaurusGroupView> groups = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(view(rs));
                }
            }
            return groups;
        });
    }

    @Audited
    public ThesaurusGroupView add(ThesaurusInput input, String by) {
        return jdbc.prepareStatement("insert into thesaurus_group (terms, life_domain, module_type, source, shipped, created_by) "
                + "values (?, ?, ?, ?, false, ?) returning " + COLUMNS, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", input.terms().toArray()));
            ps.setString(2, input.lifeDomain());
            ps.setString(3, input.moduleType());
            ps.setString(4, "toegevoegd door " + by);
            ps.setString(5, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return view(rs);
            }
        });
    }

    /** Removes a group in use (shipped or added); a shipped group stays removed when the shipped file is loaded again. */
    @Audited
    public void remove(long id, String by) {
        int removed = jdbc.prepareStatement("update thesaurus_group set removed_at = now(), removed_by = ? "
                + "where id = ? and removed_at is null", ps -> {
            ps.setString(1, by);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
        if (removed == 0) {
            throw new NotFoundException(be.hulpwijzer.catalogue.api.Messages.get("what.thesaurusGroup"), id);
        }
    }

    private static ThesaurusGroupView view(ResultSet rs) throws SQLException {
        return new ThesaurusGroupView(rs.getLong(1), List.of((String[]) rs.getArray(2).getArray()), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
