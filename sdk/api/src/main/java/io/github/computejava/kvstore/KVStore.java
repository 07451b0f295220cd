package io.github.computejava.kvstore;

import io.github.computejava.HostcallException;
import io.github.computejava.StoreNotFoundException;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.abi.KvInsertConfig;
import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * A KV store linked to the service: durable key/value data, readable and writable at the edge.
 *
 * <pre>{@code
 * KVStore store = KVStore.open("sessions");
 * store.insert("user-42", "{\"plan\":\"pro\"}");
 * Optional<String> value = store.lookup("user-42").map(KVEntry::text);
 * }</pre>
 */
public final class KVStore {
    /** Metadata is at most 2000 bytes on Fastly; a little room for a confused host. */
    private static final int METADATA_BUFFER = 2048;

    private static final int KV_OK = 1;
    private static final int KV_NOT_FOUND = 3;

    /** What a list failure names in place of a key. */
    private static final String LIST = "(list)";

    private final Hostcalls calls;
    private final int handle;
    private final String name;

    private KVStore(Hostcalls calls, int handle, String name) {
        this.calls = calls;
        this.handle = handle;
        this.name = name;
    }

    /**
     * Opens a store by name.
     *
     * @param name the store name
     * @return the store
     * @throws StoreNotFoundException if the service has no such store
     * @throws IllegalArgumentException if {@code name} is empty
     * @throws NullPointerException if {@code name} is null
     * @throws io.github.computejava.HostcallException if the host fails otherwise
     */
    public static KVStore open(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: a KV store name cannot be empty");
        }
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        int status = calls.kvStoreOpen(Text.utf8(name), out);
        if (status == FastlyStatus.INVAL || status == FastlyStatus.NONE) {
            throw new StoreNotFoundException("KV store", name);
        }
        Statuses.check(status, "fastly_kv_store.open");
        return new KVStore(calls, out[0], name);
    }

    /**
     * The store name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Looks a key up.
     *
     * @param key the key
     * @return the entry, or empty when the store has no such key
     * @throws KVStoreException if the store rejects the key or fails
     * @throws NullPointerException if {@code key} is null
     */
    public Optional<KVEntry> lookup(String key) {
        Objects.requireNonNull(key, "key");
        int[] lookup = new int[1];
        checkKey(calls.kvStoreLookup(handle, Text.utf8(key), 0, new byte[4], lookup), key, "fastly_kv_store.lookup");
        int[] body = new int[1];
        int[] nwritten = new int[1];
        long[] generation = new long[1];
        int[] kvError = new int[1];
        byte[] metadata = new byte[METADATA_BUFFER];
        int status =
                calls.kvStoreLookupWaitV2(lookup[0], body, metadata, metadata.length, nwritten, generation, kvError);
        if (status == FastlyStatus.BUFLEN) {
            metadata = new byte[nwritten[0]];
            status = calls.kvStoreLookupWaitV2(
                    lookup[0], body, metadata, metadata.length, nwritten, generation, kvError);
        }
        Statuses.check(status, "fastly_kv_store.lookup_wait_v2");
        if (kvError[0] == KV_NOT_FOUND) {
            return Optional.empty();
        }
        if (kvError[0] != KV_OK) {
            throw new KVStoreException(name, key, KVStoreException.Kind.fromCode(kvError[0]));
        }
        String meta = nwritten[0] == 0 ? null : Text.utf8(metadata, 0, nwritten[0]);
        return Optional.of(new KVEntry(calls, body[0], meta, generation[0]));
    }

    /**
     * Stores a UTF-8 value, replacing any existing one.
     *
     * @param key the key
     * @param value the value
     * @throws KVStoreException if the store rejects the write
     * @throws NullPointerException if an argument is null
     */
    public void insert(String key, String value) {
        insert(key, Text.utf8(Objects.requireNonNull(value, "value")), InsertOptions.DEFAULT);
    }

    /**
     * Stores a value.
     *
     * @param key the key
     * @param value the value
     * @param options the mode, metadata, time to live and precondition
     * @throws KVStoreException if the store rejects the write ({@link KVStoreException.Kind#PRECONDITION_FAILED}
     *     when {@code ADD} finds the key or the generation does not match)
     * @throws NullPointerException if an argument is null
     */
    public void insert(String key, byte[] value, InsertOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(options, "options");
        int[] body = new int[1];
        Statuses.check(calls.bodyNew(body), "fastly_http_body.new");
        int[] nw = new int[1];
        int off = 0;
        while (off < value.length) {
            Statuses.check(calls.bodyWrite(body[0], value, off, value.length - off, 0, nw), "fastly_http_body.write");
            if (nw[0] <= 0) {
                throw Statuses.toException(FastlyStatus.ERROR, "fastly_http_body.write");
            }
            off += nw[0];
        }
        int[] insert = new int[1];
        checkKey(
                calls.kvStoreInsert(handle, Text.utf8(key), body[0], options.mask(), options.config(), insert),
                key,
                "fastly_kv_store.insert");
        int[] kvError = new int[1];
        Statuses.check(calls.kvStoreInsertWait(insert[0], kvError), "fastly_kv_store.insert_wait");
        if (kvError[0] != KV_OK) {
            throw new KVStoreException(name, key, KVStoreException.Kind.fromCode(kvError[0]));
        }
    }

    /**
     * Deletes a key.
     *
     * @param key the key
     * @return true when the key existed
     * @throws KVStoreException if the store rejects the key or fails
     * @throws NullPointerException if {@code key} is null
     */
    public boolean delete(String key) {
        Objects.requireNonNull(key, "key");
        int[] pending = new int[1];
        checkKey(calls.kvStoreDelete(handle, Text.utf8(key), 0, new byte[4], pending), key, "fastly_kv_store.delete");
        int[] kvError = new int[1];
        Statuses.check(calls.kvStoreDeleteWait(pending[0], kvError), "fastly_kv_store.delete_wait");
        if (kvError[0] == KV_NOT_FOUND) {
            return false;
        }
        if (kvError[0] != KV_OK) {
            throw new KVStoreException(name, key, KVStoreException.Kind.fromCode(kvError[0]));
        }
        return true;
    }

    /**
     * Lists one page of keys, in order: those starting with the options' prefix, at most its limit, from its
     * cursor. Pass the page's {@link ListPage#nextCursor()} in the next options for the following page.
     *
     * <pre>{@code
     * ListPage page = store.list(ListOptions.builder().prefix("user-").limit(100).build());
     * }</pre>
     *
     * @param options prefix, page size, cursor and consistency ({@link ListOptions#DEFAULT} for the first page
     *     of all keys)
     * @return the page
     * @throws KVStoreException if the store rejects the options (a malformed cursor is a {@link
     *     KVStoreException.Kind#BAD_REQUEST}) or fails
     * @throws NullPointerException if {@code options} is null
     * @throws io.github.computejava.HostcallException if the host fails otherwise or answers a malformed page
     */
    public ListPage list(ListOptions options) {
        Objects.requireNonNull(options, "options");
        int[] pending = new int[1];
        checkKey(
                calls.kvStoreList(
                        handle,
                        options.mask(),
                        options.eventual() ? 1 : 0,
                        options.cursorBytes(),
                        options.limit(),
                        options.prefixBytes(),
                        pending),
                LIST,
                "fastly_kv_store.list");
        int[] body = new int[1];
        int[] kvError = new int[1];
        Statuses.check(calls.kvStoreListWait(pending[0], body, kvError), "fastly_kv_store.list_wait");
        if (kvError[0] != KV_OK) {
            throw new KVStoreException(name, LIST, KVStoreException.Kind.fromCode(kvError[0]));
        }
        String json;
        try (BodyInput in = BodyInput.of(calls, body[0])) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            json = Text.utf8(bytes.toByteArray(), 0, bytes.size());
        } catch (IOException e) {
            throw new HostcallException("fastly_kv_store.list_wait", "error", "reading the page failed: " + e);
        }
        try {
            return ListJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new HostcallException("fastly_kv_store.list_wait", "error", e.getMessage());
        }
    }

    /**
     * All keys the options select, in order, fetching page after page as the iteration goes on.
     *
     * <pre>{@code
     * for (String key : store.keys(ListOptions.builder().prefix("user-").build())) { ... }
     * }</pre>
     *
     * @param options prefix, page size, first cursor and consistency
     * @return the keys; each iterator lists afresh, and its {@code next} throws {@link KVStoreException} as
     *     {@link #list(ListOptions)} does
     * @throws NullPointerException if {@code options} is null
     */
    public Iterable<String> keys(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return () -> new Iterator<String>() {
            private ListPage page;
            private int index;

            @Override
            public boolean hasNext() {
                if (page == null) {
                    page = list(options);
                }
                while (index == page.keys().size() && page.nextCursor().isPresent()) {
                    page = list(options.from(page.nextCursor().get()));
                    index = 0;
                }
                return index < page.keys().size();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.keys().get(index++);
            }
        };
    }

    /** {@code inval} means the host rejected the key (or an option): a bad request, as a {@code kv_error} would. */
    private void checkKey(int status, String key, String hostcall) {
        if (status == FastlyStatus.INVAL) {
            throw new KVStoreException(name, key, KVStoreException.Kind.BAD_REQUEST);
        }
        Statuses.check(status, hostcall);
    }

    @Override
    public String toString() {
        return "KVStore{" + name + "}";
    }

    /** How {@link #insert(String, byte[], InsertOptions)} writes. Immutable; build with {@link #builder()}. */
    public static final class InsertOptions {
        /** Overwrite, no metadata, no time to live, no precondition. */
        public static final InsertOptions DEFAULT = builder().build();

        private final InsertMode mode;
        private final String metadata;
        private final long ttlSeconds;
        private final long ifGenerationMatch;

        private InsertOptions(Builder b) {
            this.mode = b.mode;
            this.metadata = b.metadata;
            this.ttlSeconds = b.ttlSeconds;
            this.ifGenerationMatch = b.ifGenerationMatch;
        }

        /**
         * A builder with nothing set.
         *
         * @return a new builder
         */
        public static Builder builder() {
            return new Builder();
        }

        int mask() {
            int mask = 0;
            if (metadata != null) {
                mask |= KvInsertConfig.METADATA;
            }
            if (ttlSeconds >= 0) {
                mask |= KvInsertConfig.TIME_TO_LIVE_SEC;
            }
            if (ifGenerationMatch >= 0) {
                mask |= KvInsertConfig.IF_GENERATION_MATCH;
            }
            return mask;
        }

        KvInsertConfig config() {
            KvInsertConfig c = new KvInsertConfig();
            c.mode = mode.ordinal();
            c.metadata = metadata == null ? null : Text.utf8(metadata);
            c.timeToLiveSec = ttlSeconds < 0 ? 0 : (int) ttlSeconds;
            c.ifGenerationMatch = ifGenerationMatch < 0 ? 0 : ifGenerationMatch;
            return c;
        }

        /** Builds {@link InsertOptions}; every setter checks its argument at once. */
        public static final class Builder {
            private InsertMode mode = InsertMode.OVERWRITE;
            private String metadata;
            private long ttlSeconds = -1;
            private long ifGenerationMatch = -1;

            private Builder() {}

            /**
             * How the value combines with an existing one.
             *
             * @param mode the mode
             * @return this builder
             * @throws NullPointerException if {@code mode} is null
             */
            public Builder mode(InsertMode mode) {
                this.mode = Objects.requireNonNull(mode, "mode");
                return this;
            }

            /**
             * Metadata stored with the value (at most 2000 bytes of UTF-8).
             *
             * @param metadata the metadata
             * @return this builder
             * @throws IllegalArgumentException if it is longer than 2000 bytes
             * @throws NullPointerException if {@code metadata} is null
             */
            public Builder metadata(String metadata) {
                Objects.requireNonNull(metadata, "metadata");
                if (Text.utf8(metadata).length > 2000) {
                    throw new IllegalArgumentException("metadata: at most 2000 bytes");
                }
                this.metadata = metadata;
                return this;
            }

            /**
             * How long the value lives (whole seconds).
             *
             * @param ttl from 1 second to 2^32-1 seconds
             * @return this builder
             * @throws IllegalArgumentException if out of range
             * @throws NullPointerException if {@code ttl} is null
             */
            public Builder ttl(java.time.Duration ttl) {
                Objects.requireNonNull(ttl, "ttl");
                if (ttl.getSeconds() < 1 || ttl.getSeconds() > 0xFFFFFFFFL) {
                    throw new IllegalArgumentException("ttl: must be between 1 and " + 0xFFFFFFFFL + " seconds");
                }
                this.ttlSeconds = ttl.getSeconds();
                return this;
            }

            /**
             * Writes only if the current value has this generation ({@link KVEntry#generation()}).
             *
             * @param generation the expected generation
             * @return this builder
             * @throws IllegalArgumentException if {@code generation} is negative
             */
            public Builder ifGenerationMatch(long generation) {
                if (generation < 0) {
                    throw new IllegalArgumentException("generation: must not be negative");
                }
                this.ifGenerationMatch = generation;
                return this;
            }

            /**
             * Builds the options.
             *
             * @return immutable options
             */
            public InsertOptions build() {
                return new InsertOptions(this);
            }
        }
    }
}
