package io.github.computejava.kvstore;

import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.KvStoreGuest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A value found in a {@link KVStore}: its body (read once), metadata and generation. */
public final class KVEntry {
    private final KvStoreGuest.Lookup found;
    private boolean consumed;

    KVEntry(KvStoreGuest.Lookup found) {
        this.found = found;
    }

    /**
     * The value as a stream, read from the host as it is read. The body can be read once.
     *
     * @return the stream
     * @throws IllegalStateException if the body was already read
     */
    public InputStream body() {
        if (consumed) {
            throw new IllegalStateException("the value of this entry was already read");
        }
        consumed = true;
        return found.body();
    }

    /**
     * The whole value.
     *
     * @return the bytes
     * @throws IllegalStateException if the body was already read
     * @throws UncheckedIOException if reading fails
     */
    public byte[] bytes() {
        try (InputStream in = body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int r;
            while ((r = in.read(buf, 0, buf.length)) > 0) {
                out.write(buf, 0, r);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole value as UTF-8 text.
     *
     * @return the text
     * @throws IllegalStateException if the body was already read
     * @throws UncheckedIOException if reading fails
     */
    public String text() {
        byte[] b = bytes();
        return Text.utf8(b, 0, b.length);
    }

    /**
     * The metadata stored with the value.
     *
     * @return the metadata, or empty
     */
    public Optional<String> metadata() {
        return Optional.ofNullable(found.metadata());
    }

    /**
     * The generation of the write that stored the value, for {@code ifGenerationMatch}.
     *
     * @return the generation
     */
    public long generation() {
        return found.generation();
    }
}
