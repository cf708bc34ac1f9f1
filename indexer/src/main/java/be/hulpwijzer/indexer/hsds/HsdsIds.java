package be.hulpwijzer.indexer.hsds;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Stable UUIDs for everything Hulpwijzer publishes as HSDS: the same UUID in every export, forever.
 * Services, organizations and locations get an RFC 9562 version 8 UUID that holds the kind and our id
 * ({@code 48570001-0000-8000-8000-00000000002a} is module 42), so an API call can be answered without a
 * lookup table; everything else (addresses, attributes, terms, ...) a name-based version 3 UUID of its path
 * ("service/42/language/nl").
 */
public final class HsdsIds {

    public enum Kind { SERVICE, ORGANIZATION, LOCATION, SERVICE_AT_LOCATION, ENGAGEMENT }

    private static final long LOCATION_BITS = 31;

    /** "HW" in the first bytes; the kind in the next. */
    private static final long PREFIX = 0x4857_0000L << 32;
    private static final long VERSION_8 = 0x8000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private HsdsIds() {
    }

    public static String of(Kind kind, long id) {
        return new UUID(PREFIX | ((long) (kind.ordinal() + 1) << 32) | VERSION_8, VARIANT | id).toString();
    }

    /** Our id for a UUID of this kind; empty when the text is no UUID of ours or of another kind. */
    public static Optional<Long> id(Kind kind, String text) {
        UUID uuid;
        try {
            uuid = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!text.equalsIgnoreCase(uuid.toString()) || uuid.getMostSignificantBits() != (PREFIX | ((long) (kind.ordinal() + 1) << 32) | VERSION_8)
                || (uuid.getLeastSignificantBits() & 0xC000_0000_0000_0000L) != VARIANT) {
            return Optional.empty();
        }
        return Optional.of(uuid.getLeastSignificantBits() & ~VARIANT);
    }

    /** A service at a location: both our ids in one version-8 UUID (module and location ids below 2^31). */
    public static String place(long module, long location) {
        return of(Kind.SERVICE_AT_LOCATION, (module << LOCATION_BITS) | location);
    }

    /** The module and location of a service-at-location UUID. */
    public static Optional<long[]> place(String text) {
        return id(Kind.SERVICE_AT_LOCATION, text).map(v -> new long[]{v >>> LOCATION_BITS, v & ((1L << LOCATION_BITS) - 1)});
    }

    /** A name-based UUID for a nested object, from its path ("service/42/language/nl"). */
    public static String named(String path) {
        return UUID.nameUUIDFromBytes(("hulpwijzer/" + path).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
