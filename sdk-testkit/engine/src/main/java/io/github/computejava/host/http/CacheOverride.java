package io.github.computejava.host.http;

/** A request's {@code cache_override} settings. */
public final class CacheOverride {
    public static final int PASS = 1;
    public static final int TTL = 2;
    public static final int STALE_WHILE_REVALIDATE = 4;
    public static final int PCI = 8;

    /** Nothing overridden. */
    public static final CacheOverride NONE = new CacheOverride(0, 0, 0, null);

    /**
     * The override of {@code send_v3} and {@code send_async_v2}: no caching of any form and no {@code X-Cache}
     * header; the request's own override is ignored. Compare by identity.
     */
    public static final CacheOverride UNCACHED = new CacheOverride(PASS, 0, 0, null);

    private final int tag;
    private final int ttlSeconds;
    private final int staleWhileRevalidateSeconds;
    private final String surrogateKey;

    public CacheOverride(int tag, int ttlSeconds, int staleWhileRevalidateSeconds, String surrogateKey) {
        this.tag = tag;
        this.ttlSeconds = ttlSeconds;
        this.staleWhileRevalidateSeconds = staleWhileRevalidateSeconds;
        this.surrogateKey = surrogateKey;
    }

    public boolean pass() {
        return (tag & PASS) != 0;
    }

    public boolean pci() {
        return (tag & PCI) != 0;
    }

    public boolean hasTtl() {
        return (tag & TTL) != 0;
    }

    /** Seconds, as the unsigned u32 the guest gave. */
    public long ttlSeconds() {
        return Integer.toUnsignedLong(ttlSeconds);
    }

    public boolean hasStaleWhileRevalidate() {
        return (tag & STALE_WHILE_REVALIDATE) != 0;
    }

    public long staleWhileRevalidateSeconds() {
        return Integer.toUnsignedLong(staleWhileRevalidateSeconds);
    }

    /** Space-separated surrogate keys, or null. */
    public String surrogateKey() {
        return surrogateKey;
    }

    public int tag() {
        return tag;
    }

    @Override
    public String toString() {
        return "CacheOverride{tag=" + tag + ", ttl=" + ttlSeconds() + ", swr=" + staleWhileRevalidateSeconds() + ", sk="
                + surrogateKey + "}";
    }
}
