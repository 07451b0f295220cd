package io.github.computejava.host.cache;

import java.util.Optional;

/**
 * The outcome of a lookup: the object found (fresh, or stale within its stale-while-revalidate period), and for
 * a transactional lookup possibly the obligation to insert or revalidate. Freshness is as of the lookup.
 */
public final class CacheLookup {
    private final CachedObject found;
    private final boolean stale;
    private final long hits;
    private final Obligation obligation;

    CacheLookup(CachedObject found, boolean stale, long hits, Obligation obligation) {
        this.found = found;
        this.stale = stale;
        this.hits = hits;
        this.obligation = obligation;
    }

    /** @return the object found, if one is usable */
    public Optional<CachedObject> found() {
        return Optional.ofNullable(found);
    }

    /** @return whether the object found was stale at the lookup */
    public boolean isStale() {
        return stale;
    }

    /** @return the object's hit count including this lookup (0 when nothing was found) */
    public long hits() {
        return hits;
    }

    /** @return the obligation to insert or update, if this lookup was chosen to provide the object */
    public Optional<Obligation> obligation() {
        return Optional.ofNullable(obligation);
    }
}
