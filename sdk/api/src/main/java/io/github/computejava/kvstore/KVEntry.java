package io.github.computejava.kvstore;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A value found in a {@link KVStore}: its body (read once), metadata and generation. */
public final class KVEntry {
    private final Hostcalls calls;
    private final int body;
    private final String metadata;
    private final long generation;
    private boolean consumed;

    KVEntry(Hostcalls calls, int body, String metadata, long generation) {
        this.calls = calls;
        this.body = body;
        this.metadata = metadata;
        this.generation = generation;
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
        return new InputStream() {
            private final int[] n = new int[1];
            private boolean eof;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int r = read(one, 0, 1);
                return r < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (eof) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                int status = calls.bodyRead(body, b, off, len, n);
                if (status != FastlyStatus.OK) {
                    throw new IOException(Statuses.toException(status, "fastly_http_body.read")
                            .getMessage());
                }
                if (n[0] == 0) {
                    eof = true;
                    calls.bodyClose(body);
                    return -1;
                }
                return n[0];
            }
        };
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
        return Optional.ofNullable(metadata);
    }

    /**
     * The generation of the write that stored the value, for {@code ifGenerationMatch}.
     *
     * @return the generation
     */
    public long generation() {
        return generation;
    }
}
