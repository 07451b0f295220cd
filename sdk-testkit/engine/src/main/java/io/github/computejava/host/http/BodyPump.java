package io.github.computejava.host.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/** Copies a peer's stream into an {@link BodyBuffer#incoming} body on a background thread. */
public final class BodyPump {
    private static final int CHUNK = 16 * 1024;

    private BodyPump() {}

    /**
     * Starts copying {@code in} into {@code body}: the body closes at the stream's end and is abandoned if the
     * stream fails; the stream is closed when the body is discarded.
     *
     * @param in the peer's bytes
     * @param body an incoming body
     * @param executor runs the copy
     * @param onFailure called with the stream's failure, or null to ignore it
     */
    public static void start(
            InputStream in, BodyBuffer body, Executor executor, java.util.function.Consumer<IOException> onFailure) {
        executor.execute(() -> run(in, body, onFailure));
    }

    /** Copies {@code in} into {@code body} on the calling thread (see {@link #start}). */
    public static void run(InputStream in, BodyBuffer body, java.util.function.Consumer<IOException> onFailure) {
        byte[] buf = new byte[CHUNK];
        try (InputStream source = in) {
            int n;
            while ((n = source.read(buf)) >= 0) {
                if (n > 0) {
                    body.produce(buf, 0, n);
                }
            }
            body.close();
        } catch (IllegalStateException discarded) {
            // the program dropped the body: stop reading
        } catch (IOException e) {
            body.abandon();
            if (onFailure != null) {
                onFailure.accept(e);
            }
        }
    }
}
