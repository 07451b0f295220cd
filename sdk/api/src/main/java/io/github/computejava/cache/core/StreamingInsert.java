package io.github.computejava.cache.core;

/**
 * The two ends of {@link Transaction#insertAndStreamBack}: the writer that fills the new object and the object
 * itself, whose body reads wait for the bytes written. Write from one place and read from another, or write
 * everything and close the writer before reading.
 */
public final class StreamingInsert implements AutoCloseable {
    private final CacheWriter writer;
    private final Found found;

    StreamingInsert(CacheWriter writer, Found found) {
        this.writer = writer;
        this.found = found;
    }

    /** @return the writer of the object's body */
    public CacheWriter writer() {
        return writer;
    }

    /** @return the object being written */
    public Found found() {
        return found;
    }

    /**
     * Completes the object (if the writer is still open) and releases the found object. Idempotent.
     *
     * @throws io.github.computejava.HostcallException if the host fails a call
     */
    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            found.close();
        }
    }
}
