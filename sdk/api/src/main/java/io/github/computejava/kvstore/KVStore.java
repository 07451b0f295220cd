package io.github.computejava.kvstore;

import io.github.computejava.HostcallException;
import io.github.computejava.StoreNotFoundException;
import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.KvStoreGuest;
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
    /** What a list failure names in place of a key. */
    private static final String LIST = "(list)";

    private final KvStoreGuest.Store store;
    private final String name;

    private KVStore(KvStoreGuest.Store store, String name) {
        this.store = store;
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
        KvStoreGuest.Store store = KvStoreGuest.open(name);
        if (store == null) {
            throw new StoreNotFoundException("KV store", name);
        }
        return new KVStore(store, name);
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
        KvStoreGuest.Lookup found = store.lookup(Text.utf8(key));
        if (found.error() == KvStoreGuest.NOT_FOUND) {
            return Optional.empty();
        }
        check(found.error(), key);
        return Optional.of(new KVEntry(found));
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
        check(
                store.insert(
                        Text.utf8(key),
                        value,
                        options.mode.ordinal(),
                        options.metadata,
                        options.ttlSeconds,
                        options.ifGenerationMatch),
                key);
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
        int error = store.delete(Text.utf8(key));
        if (error == KvStoreGuest.NOT_FOUND) {
            return false;
        }
        check(error, key);
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
        KvStoreGuest.Page page =
                store.list(options.cursorOrNull(), options.limit(), options.prefixOrNull(), options.eventual());
        check(page.error(), LIST);
        try {
            return ListJson.parse(page.json());
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

    /** Throws unless the store answered ok (a key or option the host rejected is a bad request). */
    private void check(int kvError, String key) {
        if (kvError != KvStoreGuest.OK) {
            throw new KVStoreException(name, key, KVStoreException.Kind.fromCode(kvError));
        }
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
