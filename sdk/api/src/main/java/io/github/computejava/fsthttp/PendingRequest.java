package io.github.computejava.fsthttp;

import io.github.computejava.internal.guest.AsyncIoGuest;
import io.github.computejava.internal.guest.HttpReqGuest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request sent with {@link Request#sendAsync(String)} whose response has not been taken yet: the host sends it
 * while the program goes on, so several backends can be asked at once and the program waits only as long as
 * the slowest (or, with {@link #select(List)}, the first) of them.
 *
 * <pre>{@code
 * PendingRequest a = Request.get("https://a.example/").sendAsync("a");
 * PendingRequest b = Request.get("https://b.example/").sendAsync("b");
 * List<Response> both = PendingRequest.awaitAll(List.of(a, b)); // as long as the slower one takes
 * }</pre>
 *
 * <p>The response is taken once, by {@link #await()} (or {@link #response()}), by a {@link #poll()} that finds it
 * done, or through {@link #select(List)}; a send that failed throws its {@link SendErrorException} there. {@link
 * #close()} abandons the request: a response that arrived is released, one still on its way is dropped by the
 * host when the program ends (Fastly has no way to cancel a request in flight); a request with before/after-send
 * hooks that is filling the cache is waited for and stored first, so requests collapsed behind it go on.
 */
public final class PendingRequest implements AutoCloseable {
    private final String backend;
    private final int handle;
    // whether the host still holds the request (not yet waited, polled done or selected)
    private boolean onHost;
    private Response response;
    private RuntimeException failure;
    private boolean taken;
    private boolean closed;
    // what the program does with the host's answer before the response is taken (the hooks' cache flow), or null
    private final Completion completion;

    /** Turns the host's answer into the response the program takes (or throws the failure it becomes). */
    interface Completion {
        Response complete(HttpReqGuest.Outcome outcome);
    }

    PendingRequest(int handle, String backend) {
        this(handle, backend, null);
    }

    PendingRequest(int handle, String backend, Completion completion) {
        this.handle = handle;
        this.backend = backend;
        this.onHost = true;
        this.completion = completion;
    }

    /** A request the program already answered (the cache flow with hooks runs at once). */
    static PendingRequest settled(Response response, RuntimeException failure, String backend) {
        PendingRequest p = new PendingRequest(-1, backend);
        p.onHost = false;
        p.response = response;
        p.failure = failure;
        return p;
    }

    /**
     * The backend the request was sent to.
     *
     * @return the backend's name
     */
    public String backend() {
        return backend;
    }

    /**
     * Whether the response has arrived (or the send failed), without waiting and without taking it.
     *
     * @return true when {@link #await()} would return at once
     * @throws IllegalStateException if the request was closed or its response taken
     */
    public boolean isDone() {
        checkUsable();
        if (onHost) {
            HttpReqGuest.Outcome o = HttpReqGuest.poll(handle);
            if (!o.done()) {
                return false;
            }
            settle(o);
        }
        return true;
    }

    /**
     * Takes the response if it has arrived, without waiting.
     *
     * @return the response (close it when done), or empty while the request is still on its way
     * @throws SendErrorException if the request failed before a response arrived
     * @throws BackendNotFoundException if the service has no such backend
     * @throws IllegalStateException if the request was closed or its response taken
     */
    public Optional<Response> poll() {
        return isDone() ? Optional.of(take()) : Optional.empty();
    }

    /**
     * Waits for the response head and takes the response.
     *
     * @return the response; close it (or read its body to the end) when done
     * @throws SendErrorException if the request failed before a response arrived
     * @throws BackendNotFoundException if the service has no such backend
     * @throws IllegalStateException if the request was closed or its response taken
     */
    public Response await() {
        checkUsable();
        if (onHost) {
            settle(HttpReqGuest.await(handle));
        }
        return take();
    }

    /**
     * The same as {@link #await()}.
     *
     * @return the response; close it (or read its body to the end) when done
     * @throws SendErrorException if the request failed before a response arrived
     * @throws IllegalStateException if the request was closed or its response taken
     */
    public Response response() {
        return await();
    }

    /**
     * Abandons the request: a response that has arrived and was not taken is closed; a request still on its way
     * is left to the host, which drops it when the program ends. Closing twice, or after the response was
     * taken, does nothing.
     */
    @Override
    public void close() {
        if (closed || taken) {
            closed = true;
            return;
        }
        closed = true;
        if (onHost && completion != null) {
            // a fill of the hooks' cache flow: finish it, so requests collapsed behind it are not left waiting
            settleNow();
        }
        if (onHost) {
            // a look that never waits: no time passes for a request the program gives up
            if (!AsyncIoGuest.isReady(handle)) {
                return;
            }
            settle(HttpReqGuest.poll(handle));
        }
        if (response != null) {
            response.close();
        }
    }

    /**
     * Waits for the first of several pending requests to be done, as Fastly's {@code select}: the one that
     * finished is taken out, the others stay pending and can be selected again, waited for or closed.
     *
     * <pre>{@code
     * List<PendingRequest> left = List.of(a, b, c);
     * while (!left.isEmpty()) {
     *     PendingRequest.Selected first = PendingRequest.select(left);
     *     try (Response r = first.response()) { ... }
     *     left = first.others();
     * }
     * }</pre>
     *
     * @param requests pending requests, none closed nor taken
     * @return the one done first, its index in {@code requests}, and the others
     * @throws IllegalArgumentException if {@code requests} is empty
     * @throws IllegalStateException if one of them was closed or its response taken
     * @throws NullPointerException if {@code requests} or an element is null
     */
    public static Selected select(List<PendingRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("requests: must not be empty");
        }
        int[] handles = new int[requests.size()];
        for (int i = 0; i < handles.length; i++) {
            PendingRequest p = Objects.requireNonNull(requests.get(i), "requests[" + i + "]");
            p.checkUsable();
            if (!p.onHost) {
                // settled already (by isDone or a hook's cache flow): it is done first
                return new Selected(p, i, requests);
            }
            handles[i] = p.handle;
        }
        HttpReqGuest.Outcome o = HttpReqGuest.select(handles);
        PendingRequest done = requests.get(o.index());
        done.settle(o);
        return new Selected(done, o.index(), requests);
    }

    /**
     * Waits for every request and takes their responses, in the order given. They were all sent before, so this
     * takes as long as the slowest of them, not the sum.
     *
     * @param requests pending requests, none closed nor taken
     * @return the responses, in the order of {@code requests}; close each when done
     * @throws SendErrorException if any request failed (after every one was waited for; the responses that did
     *     arrive are then closed, and the other failures are suppressed exceptions of the one thrown)
     * @throws IllegalStateException if one of them was closed or its response taken
     * @throws NullPointerException if {@code requests} or an element is null
     */
    public static List<Response> awaitAll(List<PendingRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        List<Response> responses = new ArrayList<>(requests.size());
        RuntimeException failed = null;
        for (PendingRequest p : requests) {
            try {
                responses.add(Objects.requireNonNull(p, "requests[" + responses.size() + "]")
                        .await());
            } catch (SendErrorException | BackendNotFoundException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
                responses.add(null);
            }
        }
        if (failed != null) {
            for (Response r : responses) {
                if (r != null) {
                    r.close();
                }
            }
            throw failed;
        }
        return responses;
    }

    /** Waits for the host's answer and settles it, without taking the response. */
    void settleNow() {
        if (onHost) {
            settle(HttpReqGuest.await(handle));
        }
    }

    /** @return whether the host still holds the request */
    boolean onHost() {
        return onHost;
    }

    private void settle(HttpReqGuest.Outcome o) {
        onHost = false;
        if (completion != null) {
            try {
                response = completion.complete(o);
            } catch (SendErrorException | BackendNotFoundException e) {
                failure = e;
            }
            return;
        }
        if (o.ok()) {
            response = new Response(o.response(), o.body(), backend);
        } else {
            failure = SendErrorDetail.toException(o, backend);
        }
    }

    private Response take() {
        taken = true;
        if (failure != null) {
            throw failure;
        }
        return response;
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("the pending request to " + backend + " is closed");
        }
        if (taken) {
            throw new IllegalStateException("the response of the pending request to " + backend + " was taken");
        }
    }

    @Override
    public String toString() {
        return "PendingRequest{backend=" + backend + (onHost ? "" : ", done") + "}";
    }

    /** What {@link #select(List)} found: the request done first, and the others, still pending. */
    public static final class Selected {
        private final PendingRequest done;
        private final int index;
        private final List<PendingRequest> others;

        Selected(PendingRequest done, int index, List<PendingRequest> all) {
            this.done = done;
            this.index = index;
            List<PendingRequest> rest = new ArrayList<>(all.size() - 1);
            for (int i = 0; i < all.size(); i++) {
                if (i != index) {
                    rest.add(all.get(i));
                }
            }
            this.others = Collections.unmodifiableList(rest);
        }

        /**
         * The request that is done.
         *
         * @return the request
         */
        public PendingRequest request() {
            return done;
        }

        /**
         * Its index in the list given to {@link #select(List)}.
         *
         * @return the index
         */
        public int index() {
            return index;
        }

        /**
         * Takes its response.
         *
         * @return the response; close it when done
         * @throws SendErrorException if that request failed
         * @throws IllegalStateException if the response was taken already
         */
        public Response response() {
            return done.await();
        }

        /**
         * The other requests, in their order, still pending.
         *
         * @return the others (unmodifiable)
         */
        public List<PendingRequest> others() {
            return others;
        }
    }
}
