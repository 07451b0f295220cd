package io.github.computejava.host;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number of bytes that reservations draw from, and optionally from a parent budget too: an instance's budget for
 * buffered bodies draws from the server's budget for all instances, so neither one instance nor many together can
 * take the JVM's heap. Thread-safe.
 */
public final class ByteBudget {
    private final String name;
    private final long capacity;
    private final ByteBudget parent;
    private final AtomicLong used = new AtomicLong();

    /**
     * A budget.
     *
     * @param name what it bounds, for messages
     * @param capacity its bytes; 0 or less for no bound of its own
     * @param parent a budget every reservation also draws from, or null
     */
    public ByteBudget(String name, long capacity, ByteBudget parent) {
        this.name = name;
        this.capacity = capacity;
        this.parent = parent;
    }

    /** A budget without bound (nothing is ever refused). */
    public static ByteBudget unbounded(String name) {
        return new ByteBudget(name, 0, null);
    }

    /**
     * Takes {@code bytes} from this budget and its parents, or nothing when one of them would exceed its capacity.
     *
     * @return null when reserved, else the budget that refused
     */
    public ByteBudget reserve(long bytes) {
        if (bytes <= 0) {
            return null;
        }
        long now = used.addAndGet(bytes);
        if (capacity > 0 && now > capacity) {
            used.addAndGet(-bytes);
            return this;
        }
        if (parent != null) {
            ByteBudget refused = parent.reserve(bytes);
            if (refused != null) {
                used.addAndGet(-bytes);
                return refused;
            }
        }
        return null;
    }

    /** Gives back {@code bytes} reserved earlier, to this budget and its parents. */
    public void release(long bytes) {
        if (bytes <= 0) {
            return;
        }
        used.addAndGet(-bytes);
        if (parent != null) {
            parent.release(bytes);
        }
    }

    /** What it bounds, as given. */
    public String name() {
        return name;
    }

    /** Its bytes; 0 for no bound. */
    public long capacity() {
        return capacity;
    }

    /** The bytes reserved now. */
    public long used() {
        return used.get();
    }
}
