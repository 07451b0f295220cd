package io.github.computejava.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fluent assertions on a {@link TestResponse}. Each throws {@link AssertionError} with what was expected, what
 * the response had, and the response itself (status, headers, the start of the body, what the program threw).
 *
 * <pre>{@code
 * response.assertThat().hasStatus(200).hasHeader("X-Cache", "MISS").hasBody("hello");
 * }</pre>
 */
public final class ResponseAssert {
    private static final int BODY_EXCERPT = 512;

    private final TestResponse response;

    ResponseAssert(TestResponse response) {
        this.response = response;
    }

    /**
     * Asserts the status code.
     *
     * @param status the expected status
     * @return these assertions
     * @throws AssertionError if it differs
     */
    public ResponseAssert hasStatus(int status) {
        if (response.status() != status) {
            throw fail("status " + status, "status " + response.status());
        }
        return this;
    }

    /**
     * Asserts a 2xx status.
     *
     * @return these assertions
     * @throws AssertionError otherwise
     */
    public ResponseAssert isSuccessful() {
        if (response.status() < 200 || response.status() > 299) {
            throw fail("a 2xx status", "status " + response.status());
        }
        return this;
    }

    /**
     * Asserts that a header is present.
     *
     * @param name the header name, in any case
     * @return these assertions
     * @throws AssertionError if it is absent
     */
    public ResponseAssert hasHeader(String name) {
        if (response.header(name).isEmpty()) {
            throw fail("a " + name + " header", "none");
        }
        return this;
    }

    /**
     * Asserts that a header has exactly one value, equal to {@code value}.
     *
     * @param name the header name, in any case
     * @param value the expected value
     * @return these assertions
     * @throws AssertionError if the header is absent or has other values
     */
    public ResponseAssert hasHeader(String name, String value) {
        Objects.requireNonNull(value, "value");
        return hasHeaderValues(name, value);
    }

    /**
     * Asserts every value of a header, in order.
     *
     * @param name the header name, in any case
     * @param values the expected values
     * @return these assertions
     * @throws AssertionError if they differ
     */
    public ResponseAssert hasHeaderValues(String name, String... values) {
        List<String> actual = response.headers().values(name);
        if (!actual.equals(Arrays.asList(values))) {
            throw fail(
                    name + ": " + RequestAssert.describeValues(Arrays.asList(values)),
                    name + ": " + RequestAssert.describeValues(actual));
        }
        return this;
    }

    /**
     * Asserts that a header's first value contains some text.
     *
     * @param name the header name, in any case
     * @param text the text
     * @return these assertions
     * @throws AssertionError if the header is absent or does not contain it
     */
    public ResponseAssert headerContains(String name, String text) {
        String value = response.header(name).orElse(null);
        if (value == null || !value.contains(text)) {
            throw fail(
                    name + " containing " + RequestAssert.quote(text),
                    value == null ? "no " + name + " header" : name + ": " + RequestAssert.quote(value));
        }
        return this;
    }

    /**
     * Asserts that a header is absent.
     *
     * @param name the header name, in any case
     * @return these assertions
     * @throws AssertionError if it is present
     */
    public ResponseAssert hasNoHeader(String name) {
        List<String> actual = response.headers().values(name);
        if (!actual.isEmpty()) {
            throw fail("no " + name + " header", name + ": " + RequestAssert.describeValues(actual));
        }
        return this;
    }

    /**
     * Asserts the body as UTF-8 text.
     *
     * @param text the expected body
     * @return these assertions
     * @throws AssertionError if it differs
     */
    public ResponseAssert hasBody(String text) {
        Objects.requireNonNull(text, "text");
        String actual = response.bodyText();
        if (!actual.equals(text)) {
            int at = 0;
            while (at < actual.length() && at < text.length() && actual.charAt(at) == text.charAt(at)) {
                at++;
            }
            throw fail(
                    "body " + RequestAssert.quote(excerpt(text)),
                    "a body that differs from character " + at + " on: expected "
                            + RequestAssert.quote(around(text, at)) + ", got "
                            + RequestAssert.quote(around(actual, at)));
        }
        return this;
    }

    /**
     * Asserts the body bytes.
     *
     * @param bytes the expected bytes
     * @return these assertions
     * @throws AssertionError if they differ
     */
    public ResponseAssert hasBody(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        byte[] actual = response.body();
        if (!Arrays.equals(actual, bytes)) {
            int at = Arrays.mismatch(actual, bytes);
            throw fail(
                    "a body of " + bytes.length + " bytes", actual.length + " bytes, first difference at byte " + at);
        }
        return this;
    }

    /**
     * Asserts that the body text contains some text.
     *
     * @param text the text
     * @return these assertions
     * @throws AssertionError if it does not
     */
    public ResponseAssert bodyContains(String text) {
        if (!response.bodyText().contains(text)) {
            throw fail("a body containing " + RequestAssert.quote(text), "another body");
        }
        return this;
    }

    /**
     * Asserts an empty body.
     *
     * @return these assertions
     * @throws AssertionError if the body is not empty
     */
    public ResponseAssert hasEmptyBody() {
        if (response.body().length != 0) {
            throw fail("an empty body", response.body().length + " body bytes");
        }
        return this;
    }

    /**
     * Asserts that the readthrough cache answered: {@code X-Cache} ends in {@code HIT}.
     *
     * @return these assertions
     * @throws AssertionError otherwise
     */
    public ResponseAssert isCacheHit() {
        return cacheState("HIT");
    }

    /**
     * Asserts that the readthrough cache did not answer: {@code X-Cache} ends in {@code MISS}.
     *
     * @return these assertions
     * @throws AssertionError otherwise
     */
    public ResponseAssert isCacheMiss() {
        return cacheState("MISS");
    }

    /**
     * Asserts that the body ended normally.
     *
     * @return these assertions
     * @throws AssertionError if the program abandoned it
     */
    public ResponseAssert isComplete() {
        if (!response.complete()) {
            throw fail("a complete body", "a body the program abandoned after " + response.body().length + " bytes");
        }
        return this;
    }

    /**
     * Asserts that the program abandoned the body (the client sees a broken response).
     *
     * @return these assertions
     * @throws AssertionError if the body is complete
     */
    public ResponseAssert isIncomplete() {
        if (response.complete()) {
            throw fail("an abandoned body", "a complete body");
        }
        return this;
    }

    /**
     * Asserts that the program threw nothing out of its handler.
     *
     * @return these assertions
     * @throws AssertionError if it did
     */
    public ResponseAssert threwNothing() {
        if (!response.uncaught().isEmpty()) {
            throw fail("no uncaught exception", "one (see below)");
        }
        return this;
    }

    /**
     * Asserts that the program threw an exception of this type out of its handler.
     *
     * @param type the exception type
     * @return these assertions
     * @throws AssertionError if it did not
     */
    public ResponseAssert threw(Class<? extends Throwable> type) {
        for (Throwable t : response.uncaught()) {
            if (type.isInstance(t)) {
                return this;
            }
        }
        throw fail("an uncaught " + type.getName(), response.uncaught().isEmpty() ? "none" : "another (see below)");
    }

    private ResponseAssert cacheState(String state) {
        String xcache = response.header("X-Cache").orElse(null);
        String last = null;
        if (xcache != null) {
            int comma = xcache.lastIndexOf(',');
            last = xcache.substring(comma + 1).trim();
        }
        if (!state.equals(last)) {
            throw fail(
                    "X-Cache: " + state,
                    xcache == null ? "no X-Cache header" : "X-Cache: " + RequestAssert.quote(xcache));
        }
        return this;
    }

    private AssertionError fail(String expected, String actual) {
        StringBuilder sb = new StringBuilder();
        sb.append("Expected the response to ")
                .append(response.request())
                .append(" to have ")
                .append(expected)
                .append(", but it had ")
                .append(actual)
                .append("\n--- response ---\n");
        if (!response.responded()) {
            sb.append("(the program sent no response; the host answered for it)\n");
        }
        sb.append(response.status()).append('\n');
        sb.append(response.headers());
        String body = response.bodyText();
        sb.append('\n').append(excerpt(body));
        if (!response.complete()) {
            sb.append("\n(body abandoned)");
        }
        for (Throwable t : response.uncaught()) {
            sb.append("\n--- the program threw (stack trace below) ---\n").append(t);
        }
        AssertionError error = new AssertionError(sb.toString());
        for (Throwable t : response.uncaught()) {
            error.addSuppressed(t);
        }
        return error;
    }

    private static String around(String s, int at) {
        int end = Math.min(s.length(), at + 40);
        return (at > 0 ? "..." : "") + s.substring(Math.min(at, s.length()), end) + (end < s.length() ? "..." : "");
    }

    private static String excerpt(String s) {
        return s.length() <= BODY_EXCERPT ? s : s.substring(0, BODY_EXCERPT) + "... (" + s.length() + " chars)";
    }
}
