package io.github.computejava.kvstore;

import java.util.Objects;
import java.util.Optional;

/**
 * Which keys {@link KVStore#list(ListOptions)} returns: those starting with a prefix, at most a page size, from a
 * cursor of an earlier page. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * ListPage page = store.list(ListOptions.builder().prefix("user-").limit(50).build());
 * }</pre>
 */
public final class ListOptions {
    /** All keys from the first, in pages of the store's default size. */
    public static final ListOptions DEFAULT = builder().build();

    private final String prefix;
    private final int limit;
    private final String cursor;
    private final boolean eventual;

    private ListOptions(Builder b) {
        this.prefix = b.prefix;
        this.limit = b.limit;
        this.cursor = b.cursor;
        this.eventual = b.eventual;
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Only keys starting with this.
     *
     * @return the prefix, or empty for all keys
     */
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    /**
     * The page size.
     *
     * @return the size, or 0 for the store's default
     */
    public int limit() {
        return limit;
    }

    /**
     * Where the page starts.
     *
     * @return a cursor from an earlier page, or empty for the first page
     */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    /**
     * Whether an eventually consistent listing (faster, possibly a little behind) is enough.
     *
     * @return true for eventual, false for strong consistency
     */
    public boolean eventual() {
        return eventual;
    }

    /** The same options starting at {@code next}. */
    ListOptions from(String next) {
        Builder b = new Builder();
        b.prefix = prefix;
        b.limit = limit;
        b.cursor = next;
        b.eventual = eventual;
        return b.build();
    }

    String prefixOrNull() {
        return prefix;
    }

    String cursorOrNull() {
        return cursor;
    }

    /** Builds {@link ListOptions}; every setter checks its argument at once. */
    public static final class Builder {
        private String prefix;
        private int limit;
        private String cursor;
        private boolean eventual;

        private Builder() {}

        /**
         * Lists only keys starting with {@code prefix}.
         *
         * @param prefix a non-empty prefix
         * @return this builder
         * @throws NullPointerException if {@code prefix} is null
         * @throws IllegalArgumentException if {@code prefix} is empty
         */
        public Builder prefix(String prefix) {
            this.prefix = nonEmpty(prefix, "prefix");
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param limit at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is below 1
         */
        public Builder limit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, not " + limit);
            }
            this.limit = limit;
            return this;
        }

        /**
         * Starts at the page an earlier page's {@link ListPage#nextCursor()} points to.
         *
         * @param cursor the cursor
         * @return this builder
         * @throws NullPointerException if {@code cursor} is null
         * @throws IllegalArgumentException if {@code cursor} is empty
         */
        public Builder cursor(String cursor) {
            this.cursor = nonEmpty(cursor, "cursor");
            return this;
        }

        /**
         * Accepts an eventually consistent listing ({@code kv_list_mode.eventual}) instead of a strong one.
         *
         * @param eventual true for eventual consistency
         * @return this builder
         */
        public Builder eventual(boolean eventual) {
            this.eventual = eventual;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ListOptions build() {
            return new ListOptions(this);
        }

        private static String nonEmpty(String s, String what) {
            Objects.requireNonNull(s, what);
            if (s.isEmpty()) {
                throw new IllegalArgumentException(what + " cannot be empty");
            }
            return s;
        }
    }
}
