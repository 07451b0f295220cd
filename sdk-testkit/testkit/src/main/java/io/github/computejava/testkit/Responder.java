package io.github.computejava.testkit;

/**
 * A scripted backend's behaviour: from the request that reached it to its answer. It may assert on the
 * request; an {@link AssertionError} (or any exception) it throws fails the test at the next {@code send()},
 * and the program sees an internal send error meanwhile.
 */
@FunctionalInterface
public interface Responder {
    /**
     * Answers one request.
     *
     * @param request the request as the origin received it
     * @return the response or failure
     * @throws Exception to fail the test
     */
    MockResponse respond(RecordedRequest request) throws Exception;
}
