package io.github.computejava.host.cache;

import io.github.computejava.host.Timeline;
import io.github.computejava.host.http.HeaderList;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's cache: objects under (namespace, key), one per variant, with request collapsing.
 *
 * <p>Under a key the store keeps the vary rules it has seen, most recent first (at most
 * {@value #MAX_VARY_RULES}), and one slot per variant. A slot holds the present object, if any, and whether some
 * lookup holds the obligation to fill or freshen it. A transactional lookup returns a fresh object at once;
 * a stale one within its stale-while-revalidate period together with the obligation to revalidate, unless
 * someone already has it; otherwise it waits for the obligation's holder, or takes the obligation. An insert
 * makes its object visible at once, so waiters stream it while it is written; a released obligation wakes the
 * waiters, and the first to run takes it over.
 *
 * <p>The store is bounded by a byte size (bodies plus metadata) and evicts least-recently-used objects, never
 * one still being written. Time comes only from the engine's clock.
 */
public final class CacheStore {
    /** The longest cache key, in bytes. */
    public static final int MAX_KEY_LENGTH = 4096;

    /** The most distinct vary rules one key may have. */
    public static final int MAX_VARY_RULES = 8;

    /** The byte bound when none is configured. */
    public static final long DEFAULT_CAPACITY = 256L * 1024 * 1024;

    private final InstantSource clock;
    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<StoreKey, KeyEntry> entries = new HashMap<>();
    // every stored object, least recently used first
    private final LinkedHashMap<CachedObject, Slot> lru = new LinkedHashMap<>(64, 0.75f, true);
    private final AtomicLong purges = new AtomicLong();
    // lookups blocked behind another lookup's obligation, and a signal for those who watch that number
    private final Condition waitersChanged = lock.newCondition();
    private int waiting;
    private long bytes;
    private final Timeline timeline;

    /**
     * Creates a store.
     *
     * @param clock the engine's clock
     * @param capacityBytes the byte bound
     * @throws IllegalArgumentException if the bound is not positive
     */
    public CacheStore(InstantSource clock, long capacityBytes) {
        this(clock, capacityBytes, Timeline.system());
    }

    /**
     * Creates a store whose collapsed lookups wait as the timeline's idle waits (virtual time may pass while a
     * lookup waits for another's obligation).
     *
     * @param clock the engine's clock
     * @param capacityBytes the byte bound
     * @param timeline the engine's timeline
     * @throws IllegalArgumentException if the bound is not positive
     */
    public CacheStore(InstantSource clock, long capacityBytes, Timeline timeline) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacityBytes: must be positive");
        }
        this.capacity = capacityBytes;
    }

    long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /**
     * A non-collapsing lookup: the usable object for these request headers, if any. Counts a hit.
     *
     * @param namespace the namespace
     * @param key the cache key
     * @param requestHeaders the request's headers (for vary rules)
     * @return the outcome, never with an obligation
     * @throws IllegalArgumentException if the key is longer than {@value #MAX_KEY_LENGTH} bytes
     */
    public CacheLookup lookup(CacheNamespace namespace, byte[] key, HeaderList requestHeaders) {
        StoreKey sk = new StoreKey(namespace, key);
        lock.lock();
        try {
            KeyEntry e = entries.get(sk);
            if (e == null) {
                return new CacheLookup(null, false, 0, null);
            }
            List<Slot> candidates = candidates(e, requestHeaders);
            for (Slot s : candidates) {
                if (s.present != null && s.present.isFresh()) {
                    return hit(s.present, false, null);
                }
            }
            for (Slot s : candidates) {
                if (s.present != null && s.present.isUsable()) {
                    return hit(s.present, true, null);
                }
            }
            return new CacheLookup(null, false, 0, null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A collapsing lookup: returns a usable object, or waits while another lookup holds the obligation to
     * provide it, or takes the obligation itself.
     *
     * @param namespace the namespace
     * @param key the cache key
     * @param requestHeaders the request's headers (for vary rules)
     * @return the outcome
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalArgumentException if the key is longer than {@value #MAX_KEY_LENGTH} bytes
     */
    public CacheLookup transactionLookup(CacheNamespace namespace, byte[] key, HeaderList requestHeaders)
            throws InterruptedException {
        return transactionLookup(new StoreKey(namespace, key), requestHeaders, true);
    }

    /**
     * A collapsing lookup that does not wait: if it would, the wait happens in {@link PendingLookup#await}.
     *
     * @param namespace the namespace
     * @param key the cache key
     * @param requestHeaders the request's headers (for vary rules)
     * @return the pending lookup
     * @throws IllegalArgumentException if the key is longer than {@value #MAX_KEY_LENGTH} bytes
     */
    public PendingLookup transactionLookupAsync(CacheNamespace namespace, byte[] key, HeaderList requestHeaders) {
        StoreKey sk = new StoreKey(namespace, key);
        CacheLookup now;
        try {
            now = transactionLookup(sk, requestHeaders, false);
        } catch (InterruptedException e) {
            throw new AssertionError("a lookup that does not wait was interrupted", e);
        }
        return new PendingLookup(this, sk, requestHeaders, now);
    }

    CacheLookup transactionLookup(StoreKey sk, HeaderList requestHeaders, boolean wait) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                KeyEntry e = entries.computeIfAbsent(sk, KeyEntry::new);
                List<Slot> candidates = candidates(e, requestHeaders);
                for (Slot s : candidates) {
                    if (s.present != null && s.present.isFresh()) {
                        return hit(s.present, false, null);
                    }
                }
                for (Slot s : candidates) {
                    if (s.present != null && s.present.isUsable()) {
                        if (s.obligated) {
                            return hit(s.present, true, null);
                        }
                        s.obligated = true;
                        return hit(s.present, true, new Obligation(this, sk, s, requestHeaders, s.present));
                    }
                }
                boolean awaitable = false;
                CachedObject expired = null;
                for (Slot s : candidates) {
                    awaitable |= s.obligated;
                    if (expired == null && s.present != null) {
                        expired = s.present;
                    }
                }
                if (awaitable) {
                    if (!wait) {
                        return null;
                    }
                    awaitObligation(e);
                    continue;
                }
                if (e.rules.isEmpty()) {
                    e.rules.addFirst(VaryRule.NONE);
                }
                VaryRule rule = e.rules.peekFirst();
                Slot s = e.slots.computeIfAbsent(rule.variant(requestHeaders), v -> new Slot(e, v, rule));
                s.obligated = true;
                return new CacheLookup(null, false, 0, new Obligation(this, sk, s, requestHeaders, expired));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Begins a replace: finds the usable object for these request headers (the one being replaced), waiting
     * first for obligations in progress under {@link Replacement.Strategy#WAIT}, and removing it at once under
     * {@link Replacement.Strategy#IMMEDIATE_FORCE_MISS}.
     *
     * @param namespace the namespace
     * @param key the cache key
     * @param requestHeaders the request's headers (for vary rules)
     * @param strategy how to treat other clients
     * @return the replace
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalArgumentException if the key is longer than {@value #MAX_KEY_LENGTH} bytes
     */
    public Replacement replace(
            CacheNamespace namespace, byte[] key, HeaderList requestHeaders, Replacement.Strategy strategy)
            throws InterruptedException {
        StoreKey sk = new StoreKey(namespace, key);
        lock.lockInterruptibly();
        try {
            while (true) {
                KeyEntry e = entries.get(sk);
                List<Slot> candidates = e == null ? List.of() : candidates(e, requestHeaders);
                if (strategy == Replacement.Strategy.WAIT && candidates.stream().anyMatch(s -> s.obligated)) {
                    awaitObligation(e);
                    continue;
                }
                Slot found = null;
                for (Slot s : candidates) {
                    if (s.present != null && s.present.isFresh()) {
                        found = s;
                        break;
                    }
                }
                if (found == null) {
                    for (Slot s : candidates) {
                        if (s.present != null && s.present.isUsable()) {
                            found = s;
                            break;
                        }
                    }
                }
                CachedObject existing = found == null ? null : found.present;
                boolean stale = existing != null && !existing.isFresh();
                if (existing != null && strategy == Replacement.Strategy.IMMEDIATE_FORCE_MISS) {
                    remove(found);
                    found.entry.signalChanged();
                }
                return new Replacement(this, sk, requestHeaders, existing, stale);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A non-collapsing insert: the object is visible at once and replaces the one of its variant (last writer
     * wins). Write its body through the returned writer.
     *
     * @param namespace the namespace
     * @param key the cache key
     * @param requestHeaders the request headers its variant is computed from
     * @param options its metadata
     * @return the writer
     * @throws CacheLimitException if the key already has {@value #MAX_VARY_RULES} other vary rules
     * @throws IllegalArgumentException if the key is longer than {@value #MAX_KEY_LENGTH} bytes
     */
    public ObjectWriter insert(CacheNamespace namespace, byte[] key, HeaderList requestHeaders, WriteOptions options) {
        CachedObject o = store(new StoreKey(namespace, key), requestHeaders, options, null, null, null);
        return new ObjectWriter(this, o);
    }

    /**
     * Stores a whole object at once.
     *
     * @param namespace the namespace
     * @param key the cache key
     * @param requestHeaders the request headers its variant is computed from
     * @param options its metadata
     * @param body its bytes
     * @return the stored object
     * @throws CacheLimitException if the key already has {@value #MAX_VARY_RULES} other vary rules
     * @throws IllegalArgumentException if the key is too long, or the options announce another length
     */
    public CachedObject put(
            CacheNamespace namespace, byte[] key, HeaderList requestHeaders, WriteOptions options, byte[] body) {
        if (options.length() >= 0 && options.length() != body.length) {
            throw new IllegalArgumentException(
                    "body: " + body.length + " bytes, the options announce " + options.length());
        }
        ObjectWriter w = insert(namespace, key, requestHeaders, options);
        w.write(body, 0, body.length);
        w.finish();
        return w.object();
    }

    /**
     * Stores an object, makes it its variant's present object and clears the obligation of {@code obligated}.
     * {@code sharedBody} and {@code hits} carry a body and hit counter over from an updated object.
     */
    CachedObject store(
            StoreKey sk,
            HeaderList requestHeaders,
            WriteOptions options,
            Slot obligated,
            ObjectBody sharedBody,
            AtomicLong hits) {
        HeaderList headers = options.requestHeaders() != null ? options.requestHeaders() : requestHeaders;
        lock.lock();
        try {
            KeyEntry e = entries.computeIfAbsent(sk, KeyEntry::new);
            VaryRule rule = options.varyRule();
            if (!e.rules.contains(rule)) {
                pruneRules(e);
                if (e.rules.size() >= MAX_VARY_RULES) {
                    throw new CacheLimitException(
                            "the key already has " + MAX_VARY_RULES + " vary rules, the most one key may have");
                }
            } else {
                e.rules.remove(rule);
            }
            e.rules.addFirst(rule);
            String variant = rule.variant(headers);
            Slot slot = e.slots.computeIfAbsent(variant, v -> new Slot(e, v, rule));
            ObjectBody body = sharedBody != null ? sharedBody : new ObjectBody(options.length());
            CachedObject o = new CachedObject(
                    this, sk.key, body, options, headers, nowNanos(), hits != null ? hits : new AtomicLong());
            if (slot.present != null) {
                detach(slot.present);
            }
            slot.present = o;
            attach(o, slot);
            if (obligated != null) {
                obligated.obligated = false;
                dropIfEmpty(obligated);
            }
            e.signalChanged();
            evictIfNeeded();
            return o;
        } finally {
            lock.unlock();
        }
    }

    /** Clears an obligation without providing anything; wakes the waiters so one of them takes over. */
    void release(Slot slot) {
        lock.lock();
        try {
            slot.obligated = false;
            dropIfEmpty(slot);
            slot.entry.signalChanged();
        } finally {
            lock.unlock();
        }
    }

    /** Counts bytes a writer added to a body. */
    void grew(ObjectBody body, long n) {
        lock.lock();
        try {
            if (body.storeRefs > 0) {
                bytes += n;
                evictIfNeeded();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes an object whose write failed, so later lookups miss. */
    void discard(CachedObject o) {
        lock.lock();
        try {
            Slot slot = lru.get(o);
            if (slot != null && slot.present == o) {
                remove(slot);
                slot.entry.signalChanged();
            }
            evictIfNeeded();
        } finally {
            lock.unlock();
        }
    }

    /** Re-checks the bound once a body is complete and may be evicted. */
    void finished() {
        lock.lock();
        try {
            evictIfNeeded();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Purges every object carrying a surrogate key, in every namespace: a hard purge removes them, a soft purge
     * marks them stale (usable only within their stale-while-revalidate period, with one revalidator).
     *
     * @param surrogateKey the key
     * @param soft whether to mark stale instead of removing
     * @return how many objects were purged
     */
    public int purge(String surrogateKey, boolean soft) {
        lock.lock();
        try {
            long now = nowNanos();
            int count = 0;
            for (KeyEntry e : new ArrayList<>(entries.values())) {
                for (Slot s : new ArrayList<>(e.slots.values())) {
                    if (s.present != null && s.present.surrogateKeys().contains(surrogateKey)) {
                        count++;
                        if (soft) {
                            s.present.softPurge(now);
                        } else {
                            remove(s);
                        }
                    }
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many collapsing lookups are waiting for another lookup's obligation to be met or released.
     *
     * @return the number of waiting lookups
     */
    public int waitingLookups() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} collapsing lookups are waiting for another lookup's obligation: a test
     * holding an obligation (say, in a slow origin) knows then that the others are queued behind it.
     *
     * @param count the number of waiting lookups to wait for
     * @param timeout the longest wait
     * @return true when that many were waiting, false when the timeout passed first
     * @throws InterruptedException if interrupted while waiting
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean awaitWaitingLookups(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (waiting < count) {
                if (left <= 0) {
                    return false;
                }
                left = waitersChanged.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits (under the lock) for a change to a key's obligations, counted among the waiting lookups. */
    private void awaitObligation(KeyEntry e) throws InterruptedException {
        waiting++;
        waitersChanged.signalAll();
        try {
            long seen = e.version;
            timeline.idle(() -> e.version != seen, () -> {
                e.changed.await();
                return null;
            });
        } finally {
            waiting--;
        }
    }

    /** @return a new purge id, as the purge API reports one */
    public long nextPurgeId() {
        return purges.incrementAndGet();
    }

    /** @return the bytes counted against the bound: bodies plus metadata */
    public long sizeBytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /** @return the byte bound */
    public long capacityBytes() {
        return capacity;
    }

    /** @return how many objects are stored */
    public int objectCount() {
        lock.lock();
        try {
            return lru.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * One stored object and its namespace, as {@link #entries()} lists them.
     *
     * @param namespace the namespace it is stored in
     * @param object the object
     */
    public record Entry(CacheNamespace namespace, CachedObject object) {}

    /**
     * Every stored object (each variant of each key, in every namespace), most recently used first: what the local
     * server's inspector lists. Reading it counts no hit and changes no order.
     *
     * @return the objects
     */
    public List<Entry> entries() {
        lock.lock();
        try {
            List<Entry> out = new ArrayList<>(lru.size());
            for (Map.Entry<CachedObject, Slot> e : lru.entrySet()) {
                if (e.getValue().present == e.getKey()) {
                    out.add(new Entry(e.getValue().entry.key.namespace, e.getKey()));
                }
            }
            Collections.reverse(out);
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The objects stored under a key in a namespace, one per variant.
     *
     * @param namespace the namespace
     * @param key the cache key
     * @return the objects, most recent vary rule first
     */
    public List<CachedObject> objects(CacheNamespace namespace, byte[] key) {
        lock.lock();
        try {
            KeyEntry e = entries.get(new StoreKey(namespace, key));
            List<CachedObject> out = new ArrayList<>();
            if (e != null) {
                for (Slot s : e.slots.values()) {
                    if (s.present != null) {
                        out.add(s.present);
                    }
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes every object stored under a key in a namespace, all variants (a purge by URL for the readthrough
     * cache). Obligations in progress stay.
     *
     * @param namespace the namespace
     * @param key the cache key
     * @return how many objects were removed
     * @throws IllegalArgumentException if the key is longer than {@value #MAX_KEY_LENGTH} bytes
     */
    public int remove(CacheNamespace namespace, byte[] key) {
        StoreKey sk = new StoreKey(namespace, key);
        lock.lock();
        try {
            KeyEntry e = entries.get(sk);
            if (e == null) {
                return 0;
            }
            int count = 0;
            for (Slot s : new ArrayList<>(e.slots.values())) {
                if (s.present != null) {
                    count++;
                    remove(s);
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes every object of one namespace (a purge-all of the readthrough cache). Obligations in progress stay.
     *
     * @param namespace the namespace
     * @return how many objects were removed
     */
    public int clear(CacheNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        lock.lock();
        try {
            int count = 0;
            for (Map.Entry<CachedObject, Slot> e : new ArrayList<>(lru.entrySet())) {
                Slot slot = e.getValue();
                if (slot.entry.key.namespace.equals(namespace) && slot.present == e.getKey()) {
                    count++;
                    remove(slot);
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every object (obligations in progress stay). */
    public void clear() {
        lock.lock();
        try {
            for (Slot s : new ArrayList<>(lru.values())) {
                remove(s);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- internals, all under the lock

    private CacheLookup hit(CachedObject o, boolean stale, Obligation obligation) {
        lru.get(o);
        long hits = o.hitCounter().incrementAndGet();
        return new CacheLookup(o, stale, hits, obligation);
    }

    private static List<Slot> candidates(KeyEntry e, HeaderList requestHeaders) {
        List<Slot> out = new ArrayList<>(e.rules.size());
        for (VaryRule rule : e.rules) {
            Slot s = e.slots.get(rule.variant(requestHeaders));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private void attach(CachedObject o, Slot slot) {
        lru.put(o, slot);
        ObjectBody body = o.body();
        if (body.storeRefs++ == 0) {
            bytes += body.size();
        }
        bytes += o.metadataSize();
    }

    private void detach(CachedObject o) {
        if (lru.remove(o) == null) {
            return;
        }
        ObjectBody body = o.body();
        if (--body.storeRefs == 0) {
            bytes -= body.size();
        }
        bytes -= o.metadataSize();
    }

    /** Removes a slot's present object; the slot goes too unless it is obligated. */
    private void remove(Slot slot) {
        if (slot.present != null) {
            detach(slot.present);
            slot.present = null;
        }
        dropIfEmpty(slot);
    }

    private void dropIfEmpty(Slot slot) {
        if (slot.present != null || slot.obligated) {
            return;
        }
        KeyEntry e = slot.entry;
        if (e.slots.get(slot.variant) == slot) {
            e.slots.remove(slot.variant);
        }
        if (e.slots.isEmpty() && entries.get(e.key) == e) {
            entries.remove(e.key);
        }
    }

    /** Forgets vary rules no slot uses any more. */
    private static void pruneRules(KeyEntry e) {
        for (Iterator<VaryRule> it = e.rules.iterator(); it.hasNext(); ) {
            VaryRule rule = it.next();
            boolean used = false;
            for (Slot s : e.slots.values()) {
                if (s.rule.equals(rule)) {
                    used = true;
                    break;
                }
            }
            if (!used) {
                it.remove();
            }
        }
    }

    private void evictIfNeeded() {
        if (bytes <= capacity) {
            return;
        }
        for (Iterator<Map.Entry<CachedObject, Slot>> it = lru.entrySet().iterator();
                it.hasNext() && bytes > capacity; ) {
            Map.Entry<CachedObject, Slot> next = it.next();
            CachedObject o = next.getKey();
            if (o.isWriting()) {
                continue;
            }
            Slot slot = next.getValue();
            it.remove();
            ObjectBody body = o.body();
            if (--body.storeRefs == 0) {
                bytes -= body.size();
            }
            bytes -= o.metadataSize();
            if (slot.present == o) {
                slot.present = null;
                dropIfEmpty(slot);
            }
        }
    }

    /** A key in a namespace. */
    static final class StoreKey {
        final CacheNamespace namespace;
        final byte[] key;
        private final int hash;

        StoreKey(CacheNamespace namespace, byte[] key) {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(key, "key");
            if (key.length > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("key: " + key.length + " bytes, at most " + MAX_KEY_LENGTH);
            }
            this.namespace = namespace;
            this.key = key.clone();
            this.hash = namespace.hashCode() * 31 + Arrays.hashCode(this.key);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof StoreKey)) {
                return false;
            }
            StoreKey k = (StoreKey) o;
            return hash == k.hash && namespace.equals(k.namespace) && Arrays.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Everything under one key: vary rules, most recent first, and a slot per variant. */
    final class KeyEntry {
        final StoreKey key;
        final ArrayDeque<VaryRule> rules = new ArrayDeque<>();
        final Map<String, Slot> slots = new HashMap<>();
        final Condition changed = lock.newCondition();
        // counts the changes, so a waiter can tell one happened without the lock
        volatile long version;

        KeyEntry(StoreKey key) {
            this.key = key;
        }

        /** Wakes the lookups waiting on this key (under the lock). */
        void signalChanged() {
            version++;
            changed.signalAll();
        }
    }

    /** One variant: its present object and whether someone is obligated to fill or freshen it. */
    static final class Slot {
        final KeyEntry entry;
        final String variant;
        final VaryRule rule;
        CachedObject present;
        boolean obligated;

        Slot(KeyEntry entry, String variant, VaryRule rule) {
            this.entry = entry;
            this.variant = variant;
            this.rule = rule;
        }
    }
}
