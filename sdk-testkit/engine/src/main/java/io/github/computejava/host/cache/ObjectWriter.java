package io.github.computejava.host.cache;

/**
 * Writes the body of an object that is already stored and visible: readers get the bytes as they arrive. End
 * with {@link #finish} or {@link #abandon}; an abandoned (or short, or overlong) body makes readers fail and
 * removes the object.
 */
public final class ObjectWriter {
    private final CacheStore store;
    private final CachedObject object;

    ObjectWriter(CacheStore store, CachedObject object) {
        this.store = store;
        this.object = object;
    }

    /** @return the object being written */
    public CachedObject object() {
        return object;
    }

    /**
     * Appends bytes.
     *
     * @param b the bytes
     * @param off where they start
     * @param len how many
     * @return false if the body already ended or the bytes overrun the announced length (which abandons it)
     */
    public boolean write(byte[] b, int off, int len) {
        ObjectBody body = object.body();
        if (!body.append(b, off, len)) {
            if (body.isAbandoned()) {
                store.discard(object);
            }
            return false;
        }
        store.grew(body, len);
        return true;
    }

    /**
     * Ends the body.
     *
     * @return false if it had already ended, or is shorter than announced (which abandons it)
     */
    public boolean finish() {
        ObjectBody body = object.body();
        boolean ok = body.finish();
        if (body.isAbandoned()) {
            store.discard(object);
        } else {
            store.finished();
        }
        return ok;
    }

    /** Ends the body unsuccessfully. */
    public void abandon() {
        object.body().abandon();
        store.discard(object);
    }
}
