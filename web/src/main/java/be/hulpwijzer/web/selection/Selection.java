package be.hulpwijzer.web.selection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The modules a care worker keeps for a family, in the URL only ({@code m=12&m=40}): nothing is stored,
 * no account is needed, and the link can be sent by e-mail. At most {@link #MAX} modules, in the order chosen.
 */
public record Selection(List<Long> ids, boolean trimmed) {

    public static final int MAX = 5;

    /** The selection from the {@code m} values; empty when one is not a module id. */
    public static Optional<Selection> parse(List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : values) {
            if (!value.strip().matches("\\d{1,18}")) {
                return Optional.empty();
            }
            ids.add(Long.parseLong(value.strip()));
        }
        List<Long> kept = new ArrayList<>(ids);
        return Optional.of(new Selection(kept.subList(0, Math.min(MAX, kept.size())), kept.size() > MAX));
    }

    public boolean contains(long id) {
        return ids.contains(id);
    }

    /** This selection with the module added, or removed when it was in it. */
    public Selection toggle(long id) {
        List<Long> next = new ArrayList<>(ids);
        if (!next.remove(id)) {
            next.add(id);
        }
        return new Selection(next.subList(Math.max(0, next.size() - MAX), next.size()), false);
    }

    /** {@code m=12&m=40}. */
    public String query() {
        return String.join("&", ids.stream().map(id -> "m=" + id).toList());
    }
}
