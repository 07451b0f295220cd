package io.github.computejava.fsthttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Rewrites a backend response body before the cache stores it (see {@link CandidateResponse#bodyTransform}).
 * It is not called for a 304 that revalidates a stored response: that response keeps its stored body.
 */
@FunctionalInterface
public interface BodyTransform {
    /**
     * Reads the backend's body and writes the body to store.
     *
     * @param in the backend's body
     * @param out where the transformed body goes
     * @throws IOException if reading or writing fails; the response is then not stored
     */
    void transform(InputStream in, OutputStream out) throws IOException;
}
