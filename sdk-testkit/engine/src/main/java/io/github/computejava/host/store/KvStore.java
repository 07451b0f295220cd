package io.github.computejava.host.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.computejava.abi.FastlyKvStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One KV store: keys in sorted order, each with a value, optional metadata, a generation and an optional
 * expiry read from the engine's clock. Safe for concurrent use.
 *
 * <p>Keys follow Fastly's rules: 1 to 1024 UTF-8 bytes, no CR or LF, not {@code .} or {@code ..}, none of
 * {@code #;?^|}, not starting with {@code .well-known/acme-challenge}.
 */
public final class KvStore {
    /** The outcome of a KV operation, numbered as the ABI's {@code kv_error}. */
    public enum Outcome {
        /** Not set. */
        UNINITIALIZED(FastlyKvStore.KV_ERROR_UNINITIALIZED),
        /** Success. */
        OK(FastlyKvStore.KV_ERROR_OK),
        /** A malformed key or argument. */
        BAD_REQUEST(FastlyKvStore.KV_ERROR_BAD_REQUEST),
        /** No such key. */
        NOT_FOUND(FastlyKvStore.KV_ERROR_NOT_FOUND),
        /** A generation or add-mode precondition failed. */
        PRECONDITION_FAILED(FastlyKvStore.KV_ERROR_PRECONDITION_FAILED),
        /** A value or key over its limit. */
        PAYLOAD_TOO_LARGE(FastlyKvStore.KV_ERROR_PAYLOAD_TOO_LARGE),
        /** The store failed. */
        INTERNAL_ERROR(FastlyKvStore.KV_ERROR_INTERNAL_ERROR),
        /** Rate limited. */
        TOO_MANY_REQUESTS(FastlyKvStore.KV_ERROR_TOO_MANY_REQUESTS);

        private final int code;

        Outcome(int code) {
            this.code = code;
        }

        /** The {@code kv_error} code ({@link FastlyKvStore}'s {@code KV_ERROR_*}). */
        public int code() {
            return code;
        }
    }

    /** How an insert combines with an existing value ({@code kv_insert_mode}). */
    public enum InsertMode {
        /** Replace the value. */
        OVERWRITE,
        /** Fail if the key exists. */
        ADD,
        /** Append to the existing value. */
        APPEND,
        /** Prepend to the existing value. */
        PREPEND
    }

    /** A stored value. */
    public static final class Entry {
        private final byte[] value;
        private final byte[] metadata;
        private final long generation;
        private final Instant expires;

        Entry(byte[] value, byte[] metadata, long generation, Instant expires) {
            this.value = value;
            this.metadata = metadata;
            this.generation = generation;
            this.expires = expires;
        }

        /** A copy of the value. */
        public byte[] value() {
            return value.clone();
        }

        /** A copy of the metadata (empty when none was stored). */
        public byte[] metadata() {
            return metadata.clone();
        }

        /** The generation, which changes on every write of the key. */
        public long generation() {
            return generation;
        }

        boolean expiredAt(Instant now) {
            return expires != null && !now.isBefore(expires);
        }
    }

    private final InstantSource clock;
    private final ConcurrentSkipListMap<String, Entry> entries = new ConcurrentSkipListMap<>();
    private final AtomicLong generations = new AtomicLong();

    /** An empty store reading time from {@code clock}. */
    public KvStore(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether {@code key} is a key Fastly accepts.
     *
     * @param key the key
     * @return true when valid
     */
    public static boolean isValidKey(String key) {
        int len = key.getBytes(StandardCharsets.UTF_8).length;
        if (len < 1 || len > 1024 || key.startsWith(".well-known/acme-challenge")) {
            return false;
        }
        if (key.equals(".") || key.equals("..") || key.contains("./") || key.endsWith("/.") || key.endsWith("/..")) {
            return false;
        }
        for (char c : new char[] {'\r', '\n', '#', ';', '?', '^', '|'}) {
            if (key.indexOf(c) >= 0) {
                return false;
            }
        }
        if (key.length() == 1) {
            char c = key.charAt(0);
            return c > 0x20 && c != 0xFFFE && c != 0xFFFF;
        }
        return true;
    }

    /**
     * The live entry for {@code key}.
     *
     * @param key the key
     * @return the entry, or empty when absent or expired
     */
    public Optional<Entry> lookup(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.expiredAt(clock.instant())) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /**
     * Stores a value.
     *
     * @param key the key
     * @param value the bytes to store
     * @param mode how to combine with an existing value
     * @param metadata metadata to store, or null for none
     * @param ttl time to live, or null for none
     * @param ifGeneration the generation the existing entry must have, or null
     * @return {@link Outcome#OK}, {@link Outcome#BAD_REQUEST} for an invalid key, or {@link
     *     Outcome#PRECONDITION_FAILED}
     */
    public synchronized Outcome insert(
            String key, byte[] value, InsertMode mode, byte[] metadata, Duration ttl, Long ifGeneration) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(mode, "mode");
        if (!isValidKey(key)) {
            return Outcome.BAD_REQUEST;
        }
        Optional<Entry> existing = lookup(key);
        if (ifGeneration != null && existing.isPresent() && existing.get().generation != ifGeneration) {
            return Outcome.PRECONDITION_FAILED;
        }
        byte[] stored = value.clone();
        if (existing.isPresent()) {
            byte[] old = existing.get().value;
            switch (mode) {
                case ADD:
                    return Outcome.PRECONDITION_FAILED;
                case APPEND:
                    stored = concat(old, value);
                    break;
                case PREPEND:
                    stored = concat(value, old);
                    break;
                default:
                    break;
            }
        }
        Instant expires = ttl == null ? null : clock.instant().plus(ttl);
        byte[] meta = metadata == null ? new byte[0] : metadata.clone();
        entries.put(key, new Entry(stored, meta, generations.incrementAndGet(), expires));
        return Outcome.OK;
    }

    /**
     * Deletes a key.
     *
     * @param key the key
     * @return {@link Outcome#OK}, {@link Outcome#NOT_FOUND} or {@link Outcome#BAD_REQUEST}
     */
    public Outcome delete(String key) {
        if (!isValidKey(key)) {
            return Outcome.BAD_REQUEST;
        }
        Optional<Entry> e = lookup(key);
        if (e.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        entries.remove(key, e.get());
        return Outcome.OK;
    }

    /**
     * Lists keys in order as Fastly's JSON page: {@code {"data":[keys],"meta":{"limit":n,"prefix":p,
     * "next_cursor":c}}}, the cursor being the base64 of the last key returned.
     *
     * @param cursor a cursor from an earlier page, or null
     * @param prefix only keys starting with this, or null
     * @param limit the page size (0 means 100)
     * @return the page, or empty when the cursor is malformed
     */
    public Optional<byte[]> list(String cursor, String prefix, int limit) {
        String after = null;
        if (cursor != null) {
            try {
                after = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        int max = limit <= 0 ? 100 : limit;
        Instant now = clock.instant();
        Map<String, Entry> tail = after == null ? entries : entries.tailMap(after, false);
        List<String> keys = new ArrayList<>();
        boolean more = false;
        for (Map.Entry<String, Entry> e : tail.entrySet()) {
            if (prefix != null && !e.getKey().startsWith(prefix)) {
                continue;
            }
            if (e.getValue().expiredAt(now)) {
                continue;
            }
            if (keys.size() == max) {
                more = true;
                break;
            }
            keys.add(e.getKey());
        }
        JsonArray data = new JsonArray();
        keys.forEach(data::add);
        JsonObject meta = new JsonObject();
        meta.addProperty("limit", max);
        if (prefix != null) {
            meta.addProperty("prefix", prefix);
        }
        if (more) {
            String last = keys.get(keys.size() - 1);
            meta.addProperty("next_cursor", Base64.getEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        JsonObject page = new JsonObject();
        page.add("data", data);
        page.add("meta", meta);
        return Optional.of(page.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The live keys, in order, with the size of each value: what the local server's inspector lists.
     *
     * @return key to value length in bytes
     */
    public Map<String, Integer> keySizes() {
        Instant now = clock.instant();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!e.getValue().expiredAt(now)) {
                out.put(e.getKey(), e.getValue().value.length);
            }
        }
        return out;
    }

    /** How many live keys the store holds. */
    public int size() {
        Instant now = clock.instant();
        return (int) entries.values().stream().filter(e -> !e.expiredAt(now)).count();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
