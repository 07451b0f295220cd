package io.github.computejava.host.cache;

import java.util.Objects;

/**
 * A separate address space in the cache store. Objects written in one namespace are invisible to lookups in
 * another; a surrogate-key purge reaches every namespace.
 *
 * <p>Fastly's interop rules follow from two namespaces: the core and simple caches share {@link #CORE} (core
 * reads and overwrites simple entries; the simple cache inserts only when nothing usable is there, so it never
 * overwrites a core entry), and the readthrough (HTTP) cache keeps to {@link #READTHROUGH}.
 */
public final class CacheNamespace {
    /** The core and simple cache APIs ({@code fastly_cache}). */
    public static final CacheNamespace CORE = new CacheNamespace("core");

    /** The readthrough cache behind {@code Request.send}. */
    public static final CacheNamespace READTHROUGH = new CacheNamespace("readthrough");

    private final String name;

    private CacheNamespace(String name) {
        this.name = name;
    }

    /**
     * A namespace by name; {@code "core"} and {@code "readthrough"} are the constants.
     *
     * @param name the namespace's name
     * @return the namespace
     * @throws NullPointerException if {@code name} is null
     */
    public static CacheNamespace of(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equals(CORE.name)) {
            return CORE;
        }
        if (name.equals(READTHROUGH.name)) {
            return READTHROUGH;
        }
        return new CacheNamespace(name);
    }

    /**
     * The namespace's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheNamespace && ((CacheNamespace) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
