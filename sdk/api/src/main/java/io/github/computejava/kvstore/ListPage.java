package io.github.computejava.kvstore;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of keys from {@link KVStore#list(ListOptions)}: keys in order, and where the next page starts. */
public final class ListPage {
    private final List<String> keys;
    private final String nextCursor;

    ListPage(List<String> keys, String nextCursor) {
        this.keys = Collections.unmodifiableList(Objects.requireNonNull(keys, "keys"));
        this.nextCursor = nextCursor;
    }

    /**
     * The keys of this page, in the store's order.
     *
     * @return an unmodifiable list
     */
    public List<String> keys() {
        return keys;
    }

    /**
     * The cursor of the next page, to pass to {@link ListOptions.Builder#cursor(String)}.
     *
     * @return the cursor, or empty on the last page
     */
    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    @Override
    public String toString() {
        return "ListPage{" + keys.size() + " keys" + (nextCursor == null ? "" : ", more") + "}";
    }
}
