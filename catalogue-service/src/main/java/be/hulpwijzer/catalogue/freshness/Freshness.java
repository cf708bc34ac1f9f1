package be.hulpwijzer.catalogue.freshness;

import be.hulpwijzer.catalogue.api.ConflictException;
import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.security.Ownership;
import be.hulpwijzer.catalogue.security.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeping waiting information true (for the API and the pages): what an organisation has to confirm (not confirmed for 30 days),
 * how fresh each organisation of a zone is, and a coordinator's mark that an organisation was verified.
 */
@Singleton
public class Freshness {

    public static final int STALE_DAYS = 30;

    /** A module whose availability is missing or not confirmed for 30 days. */
    public record ToConfirm(long moduleId, String title, String state, @Nullable Instant confirmedAt) {
    }

    /** How fresh one organisation's information is. */
    public record OrganisationFreshness(long id, String name, int modules, int stale, @Nullable Instant oldestConfirmation,
                                        @Nullable Instant verifiedAt, @Nullable String verifiedBy) {
    }

    private final JdbcOperations jdbc;
    private final Principals principals;
    private final ReferenceData reference;
    private final Clock clock;
    private final Ownership ownership;

    Freshness(JdbcOperations jdbc, Principals principals, ReferenceData reference, Clock clock, Ownership ownership) {
        this.ownership = ownership;
        this.jdbc = jdbc;
        this.principals = principals;
        this.reference = reference;
        this.clock = clock;
    }

    @Connectable
    public List<ToConfirm> toConfirm(long id, Authentication caller) {
        ownership.requireMayRead(caller, id);
        principals.owner("organisations", id).orElseThrow(() -> new NotFoundException(Messages.get("what.organisation"), id));
        return staleModules(id);
    }

    private List<ToConfirm> staleModules(long id) {
        return jdbc.execute(c -> {
            List<ToConfirm> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select m.id, m.title, coalesce(a.state, 'unknown'), a.confirmed_at from module m
                    left join availability a on a.module_id = m.id
                    where m.organisation_id = ? and m.status = 'active'
                      and (a.confirmed_at is null or a.confirmed_at < ?)
                    order by a.confirmed_at nulls first, m.title""")) {
                ps.setLong(1, id);
                ps.setTimestamp(2, Timestamp.from(staleBefore()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp at = rs.getTimestamp(4);
                        result.add(new ToConfirm(rs.getLong(1), rs.getString(2), rs.getString(3), at == null ? null : at.toInstant()));
                    }
                }
            }
            return result;
        });
    }

    @Connectable
    public List<OrganisationFreshness> freshness(String zone, Authentication caller) {
        if (!reference.isZone(zone)) {
            throw new InvalidRequestException(List.of(new FieldError("zone", "field.unknownZone",
                    Messages.get("field.unknownZone", "zone", zone))));
        }
        ownership.requireZone(caller, zone);
        return organisations(zone, null);
    }

    /**
     * A coordinator (for an organisation active in their zones) or an administrator records, now, that the
     * organisation's entries were checked with it: which parts and a note. Verifying means "all of it is
     * right", so it is refused while a module's availability has not been confirmed for 30 days.
     */
    public OrganisationFreshness verify(long id, Authentication caller, String body) {
        principals.owner("organisations", id).orElseThrow(() -> new NotFoundException(Messages.get("what.organisation"), id));
        ownership.requireCoordinates(caller, id);
        Verification.Input input = Verification.Input.read(JsonFields.parse(body));
        List<ToConfirm> stale = staleModules(id);
        if (!stale.isEmpty()) {
            throw new ConflictException(Messages.get("verification.stale", stale.size(),
                    String.join(", ", stale.stream().map(ToConfirm::title).toList())));
        }
        OrganisationFreshness before = organisations(null, id).get(0);
        Instant now = clock.instant();
        jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update organisation set verified_at = ?, verified_by = ? where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, caller.getName());
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into organisation_verification (organisation_id, verified_at, verified_by, checked, note, modules)
                    values (?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, id);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, caller.getName());
                ps.setArray(4, c.createArrayOf("text", input.checked().toArray()));
                ps.setString(5, input.note());
                ps.setInt(6, before.modules());
                return ps.executeUpdate();
            }
        });
        return organisations(null, id).get(0);
    }

    /** The organisation's verifications, latest first. */
    @Connectable
    public List<Verification> verifications(long id, Authentication caller) {
        ownership.requireMayRead(caller, id);
        return jdbc.execute(c -> {
            List<Verification> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select verified_at, verified_by, checked, note, modules from organisation_verification
                    where organisation_id = ? order by verified_at desc, id desc limit 20""")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Verification(rs.getTimestamp(1).toInstant(), rs.getString(2),
                                List.of((String[]) rs.getArray(3).getArray()), rs.getString(4), rs.getInt(5)));
                    }
                }
            }
            return result;
        });
    }

    /**
     * The organisations of a zone with modules not confirmed for 30 days, most to chase first, each with
     * its stale modules and whom to ask.
     */
    @Connectable
    public List<Chase> toChase(String zone, Authentication caller) {
        List<OrganisationFreshness> stale = freshness(zone, caller).stream().filter(f -> f.stale() > 0).toList();
        List<Chase> result = new ArrayList<>();
        for (OrganisationFreshness f : stale) {
            result.add(jdbc.execute(c -> {
                List<String> modules = staleModules(f.id()).stream().map(ToConfirm::title).toList();
                List<Chase.Contact> editors = new ArrayList<>();
                String phone = null;
                String email = null;
                try (PreparedStatement ps = c.prepareStatement("""
                        select a.name, a.email from account a join account_organisation ao on ao.account_id = a.id
                        where ao.organisation_id = ? and a.role = 'editor' order by a.name""")) {
                    ps.setLong(1, f.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            editors.add(new Chase.Contact(rs.getString(1), rs.getString(2)));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("select phone, email from organisation where id = ?")) {
                    ps.setLong(1, f.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            phone = rs.getString(1);
                            email = rs.getString(2);
                        }
                    }
                }
                return new Chase(f.id(), f.name(), modules, f.oldestConfirmation(), phone, email, editors);
            }));
        }
        return result;
    }

    /** Freshness per organisation: of those serving a zone, or of one organisation. */
    private List<OrganisationFreshness> organisations(@Nullable String zone, @Nullable Long organisation) {
        return jdbc.execute(c -> {
            List<OrganisationFreshness> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select o.id, o.name, count(m.id), count(m.id) filter (where a.confirmed_at is null or a.confirmed_at < ?),
                           min(a.confirmed_at), o.verified_at, o.verified_by
                    from organisation o left join module m on m.organisation_id = o.id and m.status = 'active'
                    left join availability a on a.module_id = m.id
                    where (?::text is null or ? = any(m.zones)) and (?::bigint is null or o.id = ?)
                    group by o.id order by 4 desc, o.name""")) {
                ps.setTimestamp(1, Timestamp.from(staleBefore()));
                ps.setString(2, zone);
                ps.setString(3, zone);
                ps.setObject(4, organisation, java.sql.Types.BIGINT);
                ps.setObject(5, organisation, java.sql.Types.BIGINT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new OrganisationFreshness(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7)));
                    }
                }
            }
            return result;
        });
    }

    private Instant staleBefore() {
        return clock.instant().minus(java.time.Duration.ofDays(STALE_DAYS));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
