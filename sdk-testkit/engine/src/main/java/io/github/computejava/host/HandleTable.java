package io.github.computejava.host;

import java.util.HashMap;
import java.util.Map;

/**
 * A sandbox's handles: one number space for every kind of object, as {@code fastly_async_io.select} mixes
 * bodies, pending requests and cache handles. Numbers are never reused, so a stale handle is always {@code badf}.
 */
public final class HandleTable {
    private final Map<Integer, Object> objects = new HashMap<>();
    private final int limit;
    private int next = 1;

    /** A table without a bound on open handles. */
    public HandleTable() {
        this(0);
    }

    /**
     * A table whose creating hostcalls answer {@code limitexceeded} once {@code limit} handles are open.
     *
     * @param limit the open handles allowed, 0 for no bound
     */
    public HandleTable(int limit) {
        this.limit = limit;
    }

    /**
     * Whether the open handles have reached the bound: a hostcall that would open another answers {@code
     * limitexceeded} instead (a call that opens two at once may pass it by one).
     */
    public boolean full() {
        return limit > 0 && objects.size() >= limit;
    }

    /** The bound on open handles, 0 for none. */
    public int limit() {
        return limit;
    }

    /** Adds an object and returns its new handle. */
    public int add(Object o) {
        int h = next++;
        objects.put(h, o);
        return h;
    }

    /** The object behind {@code handle} if it has the given type, else null. */
    public <T> T get(int handle, Class<T> type) {
        Object o = objects.get(handle);
        return type.isInstance(o) ? type.cast(o) : null;
    }

    /** Removes and returns the object if it has the given type, else null (and the handle stays). */
    public <T> T take(int handle, Class<T> type) {
        Object o = objects.get(handle);
        if (!type.isInstance(o)) {
            return null;
        }
        objects.remove(handle);
        return type.cast(o);
    }

    /** The object behind {@code handle}, or null. */
    public Object get(int handle) {
        return objects.get(handle);
    }

    /** Forgets {@code handle}. */
    public void remove(int handle) {
        objects.remove(handle);
    }

    Iterable<Object> all() {
        return objects.values();
    }

    int size() {
        return objects.size();
    }
}
