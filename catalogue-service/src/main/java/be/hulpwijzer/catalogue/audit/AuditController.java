package be.hulpwijzer.catalogue.audit;

import be.hulpwijzer.catalogue.api.ForbiddenException;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.security.Ownership;
import be.hulpwijzer.catalogue.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log of one organisation: for coordinators and administrators, and the organisation's editors. */
@Controller("/api/v1/organisations/{id}/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ADMIN, Roles.COORDINATOR, Roles.EDITOR})
public class AuditController {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One change: who, when, what before and after. */
    public record Change(long id, Instant at, String actor, String action, String entity, String entityId,
                         @Nullable JsonNode before, @Nullable JsonNode after) {
    }

    private final JdbcOperations jdbc;
    private final Ownership ownership;

    AuditController(JdbcOperations jdbc, Ownership ownership) {
        this.jdbc = jdbc;
        this.ownership = ownership;
    }

    @Get
    @Connectable
    public List<Change> changes(long id, @QueryValue(defaultValue = "100") int limit, Authentication caller) {
        ownership.requireMayRead(caller, id);
        int rows = Math.max(1, Math.min(limit, 1000));
        return jdbc.execute(c -> {
            List<Change> changes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, at, actor, action, entity, entity_id, before::text, "
                    + "after::text from audit_log where organisation_id = ? order by id desc limit ?")) {
                ps.setLong(1, id);
                ps.setInt(2, rows);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new Change(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), json(rs.getString(7)), json(rs.getString(8))));
                    }
                }
            }
            return changes;
        });
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
