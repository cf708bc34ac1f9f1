package be.hulpwijzer.catalogue.security;

import be.hulpwijzer.catalogue.api.ForbiddenException;
import be.hulpwijzer.catalogue.api.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The one place that decides who may change or read an organisation's own entries. It is asked with the
 * id the code is about to act on (the bound, decoded value, never the request path), by the writers
 * themselves just before they write, and by the pages that show an editing form. Every decision fails
 * closed: a caller that is missing, has an unknown role, or whose organisation cannot be established is
 * refused.
 * <ul>
 *   <li>Administrators change and read everything.</li>
 *   <li>Editors and organisation tokens change and read only their own organisations' entries.</li>
 *   <li>Coordinators change no entries; they read the records (audit log, entries to confirm) of the
 *       organisations active in their zones.</li>
 *   <li>A token keeps the offer current: it never deletes its organisation nor manages tokens.</li>
 * </ul>
 */
@Singleton
public class Ownership {

    /** What an id names: the owner of a module, location or engagement is its organisation. */
    public enum Entry {
        ORGANISATION("organisations"), MODULE("modules"), LOCATION("locations"), ENGAGEMENT("engagements");

        private final String table;

        Entry(String table) {
            this.table = table;
        }
    }

    private final Principals principals;

    public Ownership(Principals principals) {
        this.principals = principals;
    }

    /**
     * Refuses (403) unless the caller may change the entry with this id. Returns the owning organisation,
     * or empty for an administrator when nothing has this id (the writer then answers 404).
     */
    public Optional<Long> requireMayChange(@Nullable Authentication caller, Entry entry, long id) {
        if (caller == null) {
            throw refused();
        }
        Optional<Long> owner = principals.owner(entry.table, id);
        if (Roles.isAdmin(caller)) {
            return owner;
        }
        if (!(caller.getRoles().contains(Roles.EDITOR) || caller.getRoles().contains(Roles.ORGANISATION_TOKEN))
                || owner.isEmpty() || !Roles.organisations(caller).contains(owner.get())) {
            throw refused();
        }
        return owner;
    }

    /** Refuses (403) unless the caller may delete this organisation whole: administrators and its editors, never a token. */
    public void requireMayDeleteOrganisation(@Nullable Authentication caller, long id) {
        if (caller != null && caller.getRoles().contains(Roles.ORGANISATION_TOKEN)) {
            throw new ForbiddenException(Messages.get("forbidden.tokenDeletes"));
        }
        requireMayChange(caller, Entry.ORGANISATION, id);
    }

    /** Refuses (403) unless the caller may make, list or revoke this organisation's tokens: never a token itself. */
    public Optional<Long> requireMayManageTokens(@Nullable Authentication caller, long organisation) {
        if (caller != null && caller.getRoles().contains(Roles.ORGANISATION_TOKEN)) {
            throw new ForbiddenException(Messages.get("forbidden.tokens"));
        }
        return requireMayChange(caller, Entry.ORGANISATION, organisation);
    }

    /**
     * Refuses (403) unless the caller may read this organisation's own records (audit log, entries to
     * confirm): administrators, its editors and tokens, and coordinators of a zone it is active in.
     */
    public void requireMayRead(@Nullable Authentication caller, long organisation) {
        if (caller == null) {
            throw refused();
        }
        if (Roles.isAdmin(caller) || Roles.organisations(caller).contains(organisation)
                && (caller.getRoles().contains(Roles.EDITOR) || caller.getRoles().contains(Roles.ORGANISATION_TOKEN))) {
            return;
        }
        if (caller.getRoles().contains(Roles.COORDINATOR) && !Roles.zones(caller).isEmpty()
                && principals.activeInZones(organisation, Roles.zones(caller))) {
            return;
        }
        throw refused();
    }

    /**
     * Refuses (403) unless the caller looks after this organisation as a network: administrators all,
     * coordinators those active in one of their zones (to verify it, or to make accounts for its editors).
     */
    public void requireCoordinates(@Nullable Authentication caller, long organisation) {
        if (caller != null && Roles.isAdmin(caller)) {
            return;
        }
        if (caller == null || !caller.getRoles().contains(Roles.COORDINATOR) || Roles.zones(caller).isEmpty()
                || !principals.activeInZones(organisation, Roles.zones(caller))) {
            throw new ForbiddenException(Messages.get("forbidden.coordinatorZone", organisation));
        }
    }

    /** Refuses (403) unless the caller looks after this zone: administrators all, coordinators their own. */
    public void requireZone(@Nullable Authentication caller, String zone) {
        if (caller == null || !(Roles.isAdmin(caller)
                || caller.getRoles().contains(Roles.COORDINATOR) && Roles.zones(caller).contains(zone))) {
            throw new ForbiddenException(Messages.get("forbidden.zone", zone));
        }
    }

    private static ForbiddenException refused() {
        return new ForbiddenException(Messages.get("forbidden.notYours"));
    }
}
