package io.github.computejava.testkit;

import io.github.computejava.fsthttp.CacheOptions;
import java.util.List;
import java.util.Objects;

/** Fluent assertions on a {@link RecordedRequest}; each throws {@link AssertionError} with what it saw. */
public final class RequestAssert {
    private final RecordedRequest request;

    RequestAssert(RecordedRequest request) {
        this.request = request;
    }

    /**
     * Asserts the method.
     *
     * @param method the expected method
     * @return these assertions
     * @throws AssertionError if it differs
     */
    public RequestAssert hasMethod(String method) {
        if (!request.method().equals(method)) {
            throw fail("method " + quote(method), quote(request.method()));
        }
        return this;
    }

    /**
     * Asserts the path (without the query).
     *
     * @param path the expected path
     * @return these assertions
     * @throws AssertionError if it differs
     */
    public RequestAssert hasPath(String path) {
        if (!request.path().equals(path)) {
            throw fail("path " + quote(path), quote(request.path()));
        }
        return this;
    }

    /**
     * Asserts the full URL.
     *
     * @param url the expected URL
     * @return these assertions
     * @throws AssertionError if it differs
     */
    public RequestAssert hasUrl(String url) {
        if (!request.url().equals(url)) {
            throw fail("URL " + quote(url), quote(request.url()));
        }
        return this;
    }

    /**
     * Asserts that a header is present.
     *
     * @param name the header name
     * @return these assertions
     * @throws AssertionError if it is absent
     */
    public RequestAssert hasHeader(String name) {
        if (request.header(name).isEmpty()) {
            throw fail("a " + name + " header", "none; headers were:\n" + request.headers());
        }
        return this;
    }

    /**
     * Asserts a header's values: one value equal to {@code value}.
     *
     * @param name the header name
     * @param value the expected value
     * @return these assertions
     * @throws AssertionError if the header is absent or has other values
     */
    public RequestAssert hasHeader(String name, String value) {
        List<String> values = request.headers().values(name);
        if (!values.equals(List.of(value))) {
            throw fail(name + ": " + quote(value), describeValues(values));
        }
        return this;
    }

    /**
     * Asserts that a header is absent.
     *
     * @param name the header name
     * @return these assertions
     * @throws AssertionError if it is present
     */
    public RequestAssert hasNoHeader(String name) {
        List<String> values = request.headers().values(name);
        if (!values.isEmpty()) {
            throw fail("no " + name + " header", describeValues(values));
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
    public RequestAssert hasBody(String text) {
        Objects.requireNonNull(text, "text");
        if (!request.bodyText().equals(text)) {
            throw fail("body " + quote(text), quote(request.bodyText()));
        }
        return this;
    }

    /**
     * Asserts the readthrough cache overrides the program set on the request.
     *
     * @param options the expected overrides
     * @return these assertions
     * @throws AssertionError if they differ
     */
    public RequestAssert hasCacheOptions(CacheOptions options) {
        Objects.requireNonNull(options, "options");
        if (!request.cacheOptions().equals(options)) {
            throw fail("cache options " + options, request.cacheOptions().toString());
        }
        return this;
    }

    private AssertionError fail(String expected, String actual) {
        return new AssertionError("Expected the request to backend '" + request.backend() + "' (" + request.method()
                + " " + request.url() + ") to have " + expected + ", but it had " + actual);
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    static String describeValues(List<String> values) {
        if (values.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(quote(v));
        }
        return sb.toString();
    }
}
