package io.github.computejava.host;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A KV store of the host: keys to values with optional metadata, a generation per write and an optional time to
 * live on the engine's clock. Safe for concurrent use; a compare-and-write is atomic per key.
 */
public final class KvStore {
    /** Longest key in bytes. */
    public static final int MAX_KEY_BYTES = 1024;
    /** Longest metadata in bytes. */
    public static final int MAX_METADATA_BYTES = 2000;
    /** Largest value in bytes. */
    public static final int MAX_VALUE_BYTES = 25 * 1024 * 1024;

    // kv_error
    static final int OK = 1;
    static final int BAD_REQUEST = 2;
    static final int NOT_FOUND = 3;
    static final int PRECONDITION_FAILED = 4;
    static final int PAYLOAD_TOO_LARGE = 5;

    private final InstantSource clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();

    /** A stored value. */
    public static final class Entry {
        private final byte[] value;
        private final String metadata;
        private final long generation;
        private final Instant expires;

        Entry(byte[] value, String metadata, long generation, Instant expires) {
            this.value = value;
            this.metadata = metadata;
            this.generation = generation;
            this.expires = expires;
        }

        /** The value (a copy). */
        public byte[] value() {
            return value.clone();
        }

        /** The value as UTF-8 text. */
        public String text() {
            return new String(value, StandardCharsets.UTF_8);
        }

        /** The metadata, if any. */
        public Optional<String> metadata() {
            return Optional.ofNullable(metadata);
        }

        /** The generation of the write that stored it. */
        public long generation() {
            return generation;
        }

        /** When it expires, if it has a time to live. */
        public Optional<Instant> expires() {
            return Optional.ofNullable(expires);
        }

        byte[] rawValue() {
            return value;
        }
    }

    /** An empty store reading time from {@code clock}. */
    public KvStore(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The live entry of a key, or empty (also once expired). */
    public Optional<Entry> get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.expires != null && !clock.instant().isBefore(e.expires)) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** Stores a value without conditions (for seeding). */
    public void put(String key, byte[] value, String metadata) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        entries.put(key, new Entry(value.clone(), metadata, generations.incrementAndGet(), null));
    }

    /** Stores a UTF-8 value without metadata (for seeding). */
    public void put(String key, String value) {
        put(key, value.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The live keys, sorted. */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        for (String k : entries.keySet()) {
            if (get(k).isPresent()) {
                keys.add(k);
            }
        }
        return keys;
    }

    /**
     * Writes a value as {@code insert} does.
     *
     * @param mode 0 overwrite, 1 add (only if absent), 2 append, 3 prepend
     * @param ttl the time to live, or null
     * @param ifGeneration the generation the current value must have, or -1
     * @return the {@code kv_error} of the write
     */
    int insert(String key, byte[] value, int mode, String metadata, Duration ttl, long ifGeneration) {
        if (!isValidKey(key)
                || metadata != null && metadata.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            return BAD_REQUEST;
        }
        if (value.length > MAX_VALUE_BYTES) {
            return PAYLOAD_TOO_LARGE;
        }
        int[] result = {OK};
        Instant expires = ttl == null ? null : clock.instant().plus(ttl);
        entries.compute(key, (k, current) -> {
            if (current != null && current.expires != null && !clock.instant().isBefore(current.expires)) {
                current = null;
            }
            if (ifGeneration >= 0 && (current == null || current.generation != ifGeneration)) {
                result[0] = PRECONDITION_FAILED;
                return current;
            }
            byte[] stored = value;
            switch (mode) {
                case 1:
                    if (current != null) {
                        result[0] = PRECONDITION_FAILED;
                        return current;
                    }
                    break;
                case 2:
                    stored = current == null ? value : concat(current.value, value);
                    break;
                case 3:
                    stored = current == null ? value : concat(value, current.value);
                    break;
                default:
                    break;
            }
            if (stored.length > MAX_VALUE_BYTES) {
                result[0] = PAYLOAD_TOO_LARGE;
                return current;
            }
            return new Entry(stored, metadata, generations.incrementAndGet(), expires);
        });
        return result[0];
    }

    /** Deletes a key as {@code delete} does; returns its {@code kv_error}. */
    int delete(String key) {
        if (!isValidKey(key)) {
            return BAD_REQUEST;
        }
        if (get(key).isEmpty()) {
            return NOT_FOUND;
        }
        return entries.remove(key) != null ? OK : NOT_FOUND;
    }

    /** Fastly's key rules: 1 to 1024 UTF-8 bytes, no CR or LF, not {@code .} or {@code ..}, no ACME path. */
    static boolean isValidKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        return bytes >= 1
                && bytes <= MAX_KEY_BYTES
                && key.indexOf('\r') < 0
                && key.indexOf('\n') < 0
                && !key.equals(".")
                && !key.equals("..")
                && !key.startsWith(".well-known/acme-challenge/");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
