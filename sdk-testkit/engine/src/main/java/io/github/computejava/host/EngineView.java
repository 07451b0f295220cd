package io.github.computejava.host;

import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.cache.CacheNamespace;
import io.github.computejava.host.cache.CacheStore;
import io.github.computejava.host.cache.CachedObject;
import io.github.computejava.host.readthrough.CacheKeys;
import io.github.computejava.host.readthrough.ReadthroughCache;
import io.github.computejava.host.readthrough.StoredResponse;
import io.github.computejava.host.view.BackendEntry;
import io.github.computejava.host.view.CacheEntry;
import io.github.computejava.host.view.RequestTrace;
import io.github.computejava.host.view.StoreContents;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A read-only look inside an engine, for the local server's inspector and for tests: the last client requests (when
 * the engine records them, see {@link HostEngine.Builder#requestHistory}), the cache's objects, the stores and the
 * backends. Every method returns a snapshot; nothing here changes the engine, counts a cache hit or moves an object
 * in the cache's eviction order. The rules stay the engine's: purges go through {@link HostEngine#readthrough()} and
 * {@link HostEngine#cacheStore()}.
 */
public final class EngineView {
    private final HostEngine engine;
    private final RequestJournal journal;

    EngineView(HostEngine engine, RequestJournal journal) {
        this.engine = engine;
        this.journal = journal;
    }

    /**
     * Whether the engine records client requests.
     *
     * @return true when {@link #requests()} can list any
     */
    public boolean recordsRequests() {
        return journal != null;
    }

    /**
     * The last client requests, newest first, with their backend requests and log lines.
     *
     * @return the requests; empty when the engine does not record them
     */
    public List<RequestTrace> requests() {
        return journal == null ? List.of() : journal.snapshot();
    }

    /**
     * Every object in the cache (each variant of each key, readthrough and core), most recently used first.
     *
     * @return the objects
     */
    public List<CacheEntry> cacheObjects() {
        List<CacheEntry> out = new ArrayList<>();
        for (CacheStore.Entry e : engine.cacheStore().entries()) {
            out.add(entry(e.namespace(), e.object()));
        }
        return out;
    }

    private CacheEntry entry(CacheNamespace namespace, CachedObject o) {
        String hex = CacheKeys.toHex(o.key());
        boolean readthrough = namespace.equals(CacheNamespace.READTHROUGH);
        StoredResponse meta = readthrough ? ReadthroughCache.meta(o) : null;
        String label;
        if (readthrough) {
            label = journal == null ? hex : journal.keyName(hex).orElse(hex);
        } else {
            label = printable(o.key()).orElse(hex);
        }
        StringBuilder variant = new StringBuilder();
        for (String name : o.varyRule().names()) {
            if (variant.length() > 0) {
                variant.append(", ");
            }
            String value =
                    o.requestHeaders() == null ? null : o.requestHeaders().first(name);
            variant.append(name).append(": ").append(value == null ? "(none)" : value);
        }
        List<String> keys = new ArrayList<>(o.surrogateKeys());
        Collections.sort(keys);
        String state = o.isFresh() ? "fresh" : o.isUsable() ? "stale" : "expired";
        boolean hitForPass = meta != null && meta.isHitForPass();
        Optional<Integer> status = meta == null || hitForPass
                ? Optional.empty()
                : Optional.of(meta.head().status());
        return new CacheEntry(
                namespace.name(),
                hex,
                label,
                variant.toString(),
                nanos(o.ageNanos()),
                nanos(o.maxAgeNanos()),
                nanos(o.staleWhileRevalidateNanos()),
                nanos(meta == null || hitForPass ? 0 : meta.staleIfErrorNanos()),
                state,
                keys,
                o.hits(),
                o.length(),
                status,
                hitForPass,
                o.isWriting());
    }

    /**
     * The stores: config stores with their entries, KV stores with their keys and value sizes, secret stores with
     * their secret names (never the values).
     *
     * @return the stores, each sorted by name
     */
    public StoreContents stores() {
        Map<String, Map<String, String>> config = new TreeMap<>();
        engine.configStores()
                .forEach((name, entries) -> config.put(name, Collections.unmodifiableMap(new TreeMap<>(entries))));
        Map<String, Map<String, Integer>> kv = new TreeMap<>();
        engine.kvStores().forEach((name, store) -> kv.put(name, Collections.unmodifiableMap(store.keySizes())));
        Map<String, List<String>> secrets = new TreeMap<>();
        engine.secretStores().forEach((name, store) -> {
            List<String> names = new ArrayList<>(store.keySet());
            Collections.sort(names);
            secrets.put(name, List.copyOf(names));
        });
        return new StoreContents(
                Collections.unmodifiableMap(config),
                Collections.unmodifiableMap(kv),
                Collections.unmodifiableMap(secrets));
    }

    /**
     * The backends, static and registered at run time.
     *
     * @return the backends, sorted by name
     */
    public List<BackendEntry> backends() {
        List<BackendEntry> out = new ArrayList<>();
        for (Backend b : new TreeMap<>(engine.backends()).values()) {
            out.add(new BackendEntry(b.name(), b.url().map(Object::toString), b.overrideHost(), b.dynamic()));
        }
        return out;
    }

    private static Duration nanos(long n) {
        return n == Long.MAX_VALUE ? Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L) : Duration.ofNanos(n);
    }

    /** A key as text, when it is UTF-8 without control characters. */
    private static Optional<String> printable(byte[] key) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.isEmpty() || text.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
