package io.github.computejava.testkit;

import io.github.computejava.fsthttp.BackendHealth;
import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.host.backend.Backend;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A backend of a {@link TestHost}: scripted in Java ({@link #respond}, {@link #enqueue}, {@link #fail}) or
 * forwarding to a real URL ({@link #url}), with every request that reached it recorded.
 *
 * <p>Queued responses are used first, in order; then the responder; a backend with neither answers {@code 502}
 * with a body that says so. A backend defined with {@link TestHost#backend(String)} exists from the start, like
 * one in {@code fastly.toml}; one scripted with {@link TestHost#dynamicBackend(String)} exists once the program
 * registers it.
 */
public final class TestBackend {
    private final TestHost host;
    private final String name;
    private final boolean dynamic;
    private final ArrayDeque<MockResponse> queue = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile Responder responder;
    private volatile StreamingResponder streamingResponder;
    private volatile boolean forwards;

    TestBackend(TestHost host, String name, boolean dynamic) {
        this.host = host;
        this.name = name;
        this.dynamic = dynamic;
    }

    /**
     * The backend name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Answers every request with the responder's answer (after any queued responses).
     *
     * @param responder the behaviour
     * @return this backend
     * @throws NullPointerException if {@code responder} is null
     */
    public TestBackend respond(Responder responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.streamingResponder = null;
        return this;
    }

    /**
     * Answers every request with the responder's answer, the responder reading the request body as it arrives
     * instead of after it has all arrived (queued responses still come first). The recorded requests then have
     * no body.
     *
     * @param responder the behaviour
     * @return this backend
     * @throws NullPointerException if {@code responder} is null
     */
    public TestBackend respondStreaming(StreamingResponder responder) {
        this.streamingResponder = Objects.requireNonNull(responder, "responder");
        this.responder = null;
        return this;
    }

    /**
     * Answers every request with the same response (after any queued responses).
     *
     * @param response the response
     * @return this backend
     * @throws NullPointerException if {@code response} is null
     */
    public TestBackend respond(MockResponse response) {
        Objects.requireNonNull(response, "response");
        return respond(request -> response);
    }

    /**
     * Queues responses, each used for one request, before the responder.
     *
     * @param responses the responses, in order
     * @return this backend
     * @throws NullPointerException if a response is null
     */
    public TestBackend enqueue(MockResponse... responses) {
        synchronized (queue) {
            for (MockResponse r : responses) {
                queue.add(Objects.requireNonNull(r, "response"));
            }
        }
        return this;
    }

    /**
     * Fails every request with a send error of this kind.
     *
     * @param kind why requests fail
     * @return this backend
     * @throws IllegalArgumentException for {@link SendErrorKind#UNKNOWN}
     * @throws NullPointerException if {@code kind} is null
     */
    public TestBackend fail(SendErrorKind kind) {
        return respond(MockResponse.failure(kind));
    }

    /**
     * Forwards requests that nothing scripted answers to a real URL, as the local server does.
     *
     * @param url an absolute {@code http} or {@code https} URL
     * @return this backend
     * @throws IllegalArgumentException if {@code url} is not one
     * @throws NullPointerException if {@code url} is null
     */
    public TestBackend url(String url) {
        Objects.requireNonNull(url, "url");
        update(b -> b.url(url));
        this.forwards = true;
        return this;
    }

    /**
     * Sends this {@code Host} header to the origin instead of the request's.
     *
     * @param host the host name
     * @return this backend
     * @throws NullPointerException if {@code host} is null
     */
    public TestBackend overrideHost(String host) {
        Objects.requireNonNull(host, "host");
        update(b -> b.overrideHost(host));
        return this;
    }

    /**
     * Sets how long the backend may take to start answering; a scripted delay beyond it fails the request with
     * {@link SendErrorKind#HTTP_RESPONSE_TIMEOUT}.
     *
     * @param timeout the first-byte timeout, positive
     * @return this backend
     * @throws IllegalArgumentException if {@code timeout} is not positive
     * @throws NullPointerException if {@code timeout} is null
     */
    public TestBackend firstByteTimeout(Duration timeout) {
        update(b -> b.firstByteTimeout(timeout));
        return this;
    }

    /**
     * Sets the connect timeout the program reads back.
     *
     * @param timeout positive
     * @return this backend
     * @throws IllegalArgumentException if {@code timeout} is not positive
     * @throws NullPointerException if {@code timeout} is null
     */
    public TestBackend connectTimeout(Duration timeout) {
        update(b -> b.connectTimeout(timeout));
        return this;
    }

    /**
     * Sets the between-bytes timeout the program reads back.
     *
     * @param timeout positive
     * @return this backend
     * @throws IllegalArgumentException if {@code timeout} is not positive
     * @throws NullPointerException if {@code timeout} is null
     */
    public TestBackend betweenBytesTimeout(Duration timeout) {
        update(b -> b.betweenBytesTimeout(timeout));
        return this;
    }

    /**
     * Sets what the host's health checks report for this backend.
     *
     * @param health the health
     * @return this backend
     * @throws NullPointerException if {@code health} is null
     */
    public TestBackend health(BackendHealth health) {
        Objects.requireNonNull(health, "health");
        update(b -> b.health(health.ordinal()));
        return this;
    }

    /**
     * Every request that reached this backend, in order.
     *
     * @return an unmodifiable snapshot
     */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * How many requests reached this backend.
     *
     * @return the count
     */
    public int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    /**
     * Forgets the requests recorded so far (for example those made while setting a test up).
     *
     * @return this backend
     */
    public TestBackend clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
        return this;
    }

    /**
     * The latest request that reached this backend.
     *
     * @return the request
     * @throws AssertionError if none did
     */
    public RecordedRequest lastRequest() {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            throw new AssertionError("Expected a request to have reached backend '" + name + "', but none did");
        }
        return all.get(all.size() - 1);
    }

    /**
     * Asserts how many requests reached this backend.
     *
     * @param expected the count
     * @return this backend
     * @throws AssertionError if the count differs
     */
    public TestBackend assertRequestCount(int expected) {
        List<RecordedRequest> all = requests();
        if (all.size() != expected) {
            StringBuilder sb = new StringBuilder();
            for (RecordedRequest r : all) {
                sb.append("\n  ")
                        .append(r.method())
                        .append(' ')
                        .append(r.url())
                        .append(" at ")
                        .append(r.instant());
            }
            throw new AssertionError("Expected " + expected + " request(s) to have reached backend '" + name + "', but "
                    + all.size() + " did" + sb);
        }
        return this;
    }

    /**
     * Asserts that no request reached this backend (for example because the cache answered).
     *
     * @return this backend
     * @throws AssertionError if one did
     */
    public TestBackend assertNotCalled() {
        return assertRequestCount(0);
    }

    boolean dynamic() {
        return dynamic;
    }

    boolean forwards() {
        return forwards;
    }

    void record(RecordedRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
    }

    /** The streaming responder, when set and no queued response comes first; else null. */
    StreamingResponder streaming() {
        synchronized (queue) {
            return queue.isEmpty() ? streamingResponder : null;
        }
    }

    /** The scripted answer for a request, or null when nothing is scripted. */
    MockResponse next(RecordedRequest request) throws Exception {
        synchronized (queue) {
            MockResponse queued = queue.poll();
            if (queued != null) {
                return queued;
            }
        }
        Responder r = responder;
        return r == null ? null : r.respond(request);
    }

    private void update(UnaryOperator<Backend.Builder> change) {
        host.updateBackend(this, change);
    }

    @Override
    public String toString() {
        return "TestBackend{" + name + ", " + requestCount() + " request(s)}";
    }
}
