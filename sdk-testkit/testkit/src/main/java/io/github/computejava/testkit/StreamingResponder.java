package io.github.computejava.testkit;

import java.io.InputStream;

/**
 * How a scripted backend answers while it reads the request body as it arrives (set with {@link
 * TestBackend#respondStreaming}): an upload of any size passes through in bounded memory, and a test can watch
 * it arrive piece by piece.
 */
@FunctionalInterface
public interface StreamingResponder {
    /**
     * Answers one request.
     *
     * @param request the request as it reached the backend, recorded without its body
     * @param body the body, read as the program sends it (what the responder leaves unread is discarded); a read
     *     fails with an {@link java.io.IOException} when the program abandons the body
     * @return the answer
     * @throws Exception to fail the test at the next {@code send()}; the program sees a send error
     */
    MockResponse respond(RecordedRequest request, InputStream body) throws Exception;
}
