package be.hulpwijzer.catalogue.account;

import be.hulpwijzer.catalogue.api.ForbiddenException;
import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.catalogue.security.Secrets;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Creates accounts, and decides who may create which. */
@Singleton
public class Accounts {

    private final JdbcOperations jdbc;
    private final ReferenceData reference;
    private final be.hulpwijzer.catalogue.security.Ownership ownership;
    private final be.hulpwijzer.catalogue.security.Sessions sessions;

    public Accounts(JdbcOperations jdbc, ReferenceData reference, be.hulpwijzer.catalogue.security.Ownership ownership,
                    be.hulpwijzer.catalogue.security.Sessions sessions) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.reference = reference;
        this.ownership = ownership;
    }

    /**
     * Administrators make any account; coordinators only editors of organisations active in their zones.
     * Decided on the request as sent, before any check of its content, so that a coordinator learns nothing
     * (which e-mail addresses have an account, which organisations exist) from a request refused.
     */
    @Connectable
    public void authorise(Authentication creator, JsonFields sent) {
        if (Roles.isAdmin(creator)) {
            return;
        }
        if (!creator.getRoles().contains(Roles.COORDINATOR) || !"editor".equals(sent.peek("role").asText(""))) {
            throw new ForbiddenException(Messages.get("forbidden.coordinatorRole"));
        }
        List<Long> organisations = new ArrayList<>();
        sent.peek("organisations").forEach(id -> organisations.add(id.canConvertToLong() ? id.asLong() : -1));
        for (long organisation : organisations) {
            ownership.requireCoordinates(creator, organisation);
        }
    }

    /** Creates; the same e-mail address sent twice at once makes one account, the other gets 409. */
    @Transactional
    public AccountView create(AccountInput input) {
        try {
            return insert(input);
        } catch (io.micronaut.data.exceptions.DataAccessException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new be.hulpwijzer.catalogue.api.ConflictException(Messages.get("account.emailTaken", input.email()));
            }
            throw e;
        }
    }

    private AccountView insert(AccountInput input) {
        return jdbc.execute(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into account (email, name, password_hash, role) "
                    + "values (?, ?, ?, ?) returning id")) {
                ps.setString(1, input.email());
                ps.setString(2, input.name());
                ps.setString(3, Secrets.hashPassword(input.password()));
                ps.setString(4, input.role());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            for (long organisation : input.organisations()) {
                try (PreparedStatement ps = c.prepareStatement("insert into account_organisation values (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setLong(2, organisation);
                    ps.executeUpdate();
                }
            }
            for (String zone : input.zones()) {
                try (PreparedStatement ps = c.prepareStatement("insert into account_zone values (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, zone);
                    ps.executeUpdate();
                }
            }
            return new AccountView(id, input.email(), input.name(), input.role(), input.organisations(), input.zones(), 0);
        });
    }

    /**
     * Changes an account's own password after checking the current one; the new one needs 12 characters.
     * Every other session of the account ends (a stolen cookie dies with the old password); {@code keptSession}
     * (the caller's own, when it came with a login cookie) stays.
     * Returns the errors, empty when changed.
     */
    @Transactional
    public java.util.List<be.hulpwijzer.catalogue.api.FieldError> changePassword(String email, String current, String next,
                                                                          @io.micronaut.core.annotation.Nullable String keptSession) {
        java.util.List<be.hulpwijzer.catalogue.api.FieldError> errors = new java.util.ArrayList<>();
        String hash = jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("select password_hash from account where email = ?")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (current == null || !Secrets.passwordMatches(current, hash)) {
            errors.add(new be.hulpwijzer.catalogue.api.FieldError("currentPassword", "account.currentPassword",
                    Messages.get("account.currentPassword")));
        }
        if (next == null || next.length() < AccountInput.MIN_PASSWORD) {
            errors.add(new be.hulpwijzer.catalogue.api.FieldError("newPassword", "account.password", Messages.get("account.password")));
        }
        if (errors.isEmpty()) {
            jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "update account set password_hash = ?, version = version + 1, updated_at = now() where email = ?")) {
                    ps.setString(1, Secrets.hashPassword(next));
                    ps.setString(2, email);
                    return ps.executeUpdate();
                }
            });
            sessions.closeOthers(email, keptSession);
        }
        return errors;
    }

    /** An account as listed to those who manage accounts: never its password. */
    public record AccountSummary(long id, String email, String name, String role, List<String> organisations,
                                 List<String> zones) {
    }

    /** An organisation an account may be made for. */
    public record Choice(long id, String name) {
    }

    /** At most this many organisations are offered in the account form. */
    public static final int MAX_CHOICES = 500;

    /** Authorises, reads and creates, as the API and the accounts page do: rights first, then the content. */
    public AccountView create(Authentication creator, String json) {
        JsonFields sent = JsonFields.parse(json);
        authorise(creator, sent);
        return create(AccountInput.read(sent, this));
    }

    /** Administrators see every account; coordinators the editors of organisations active in their zones. */
    @Connectable
    public List<AccountSummary> visibleTo(Authentication viewer) {
        return jdbc.execute(c -> {
            List<AccountSummary> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select a.id, a.email, a.name, a.role,
                           array(select o.name from account_organisation ao join organisation o on o.id = ao.organisation_id
                                 where ao.account_id = a.id order by o.name),
                           array(select zone_code from account_zone z where z.account_id = a.id order by zone_code)
                    from account a
                    where ? or (a.role = 'editor' and exists (select 1 from account_organisation ao
                          where ao.account_id = a.id and organisation_active_in(ao.organisation_id, ?::text[])))
                    order by a.role, a.email""")) {
                ps.setBoolean(1, Roles.isAdmin(viewer));
                ps.setArray(2, c.createArrayOf("text", Roles.zones(viewer).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new AccountSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                List.of((String[]) rs.getArray(5).getArray()), List.of((String[]) rs.getArray(6).getArray())));
                    }
                }
            }
            return result;
        });
    }

    /** The organisations the creator may make editor accounts for (by name, at most {@link #MAX_CHOICES}). */
    @Connectable
    public List<Choice> organisationsFor(Authentication creator) {
        return jdbc.execute(c -> {
            List<Choice> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select o.id, o.name from organisation o
                    where ? or organisation_active_in(o.id, ?::text[])
                    order by o.name limit ?""")) {
                ps.setBoolean(1, Roles.isAdmin(creator));
                ps.setArray(2, c.createArrayOf("text", Roles.zones(creator).toArray()));
                ps.setInt(3, MAX_CHOICES);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Choice(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return result;
        });
    }

    @Connectable
    public boolean organisationExists(long id) {
        return exists("select exists (select 1 from organisation where id = ?)", id);
    }

    @Connectable
    public boolean emailTaken(String email) {
        return exists("select exists (select 1 from account where email = lower(?))", email);
    }

    public boolean zoneExists(String code) {
        return reference.isZone(code);
    }

    @Connectable
    public boolean anyAdministrator() {
        return exists("select exists (select 1 from account where role = 'administrator')", null);
    }

    private boolean exists(String sql, Object argument) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (argument != null) {
                    ps.setObject(1, argument);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }
}
