package io.github.computejava.host;

import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import io.github.computejava.host.readthrough.CacheKeys;
import io.github.computejava.host.readthrough.CacheOutcome;
import io.github.computejava.host.view.BackendTrace;
import io.github.computejava.host.view.LogLine;
import io.github.computejava.host.view.RequestTrace;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's record of its last client requests, for {@link EngineView}: each request's status, backend requests
 * (with what the cache did) and log lines, the oldest forgotten past a bound. Also remembers which URL each
 * readthrough key was looked up for, so the view can name cached objects. Only the engine writes to it.
 */
final class RequestJournal {
    private static final int KEY_NAMES = 4096;

    private final InstantSource clock;
    private final int capacity;
    private final LinkedHashMap<String, Trace> traces = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> keyNames = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEY_NAMES;
        }
    };

    RequestJournal(InstantSource clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    /**
     * Starts (or, for a request handed on to another instance, finds) the record of a client request; the returned
     * responder notes the status on its way to {@code responder}.
     */
    DownstreamResponder begin(DownstreamRequest request, DownstreamResponder responder) {
        Trace trace;
        synchronized (traces) {
            trace = traces.get(request.requestId());
            if (trace == null) {
                trace = new Trace(
                        request.requestId(),
                        request.head().method(),
                        request.head().uri(),
                        clock.instant());
                traces.put(trace.id, trace);
                if (traces.size() > capacity) {
                    String eldest = traces.keySet().iterator().next();
                    traces.remove(eldest);
                }
            }
        }
        Trace t = trace;
        return new DownstreamResponder() {
            @Override
            public void respond(ResponseHead head, BodyBuffer body, boolean streaming) {
                t.answered(head.status(), clock.instant());
                responder.respond(head, body, streaming);
            }

            @Override
            public void refused(String why) {
                responder.refused(why);
            }

            @Override
            public void informational(ResponseHead head) {
                responder.informational(head);
            }
        };
    }

    /** Notes a backend request of a client request; the caller reports its end on the returned call. */
    Call backendRequest(String requestId, Backend backend, RequestHead head) {
        Call call = new Call(backend.name(), head.method(), head.uri(), clock.instant());
        Trace t = trace(requestId);
        if (t != null) {
            t.add(call);
        }
        return call;
    }

    /** Notes a line a client request's program logged. */
    void log(String requestId, LogLine.Source source, String endpoint, String text) {
        Trace t = trace(requestId);
        if (t != null) {
            String kept = text.length() > LogLine.MAX_LENGTH ? text.substring(0, LogLine.MAX_LENGTH) : text;
            t.add(new LogLine(clock.instant(), source, endpoint, kept));
        }
    }

    /** Remembers the URL a readthrough key was looked up for. */
    void nameKey(byte[] key, String url) {
        synchronized (keyNames) {
            keyNames.put(CacheKeys.toHex(key), url);
        }
    }

    /** The URL a readthrough key (hex) was last looked up for. */
    Optional<String> keyName(String hexKey) {
        synchronized (keyNames) {
            return Optional.ofNullable(keyNames.get(hexKey));
        }
    }

    /** The records, newest first. */
    List<RequestTrace> snapshot() {
        List<Trace> all;
        synchronized (traces) {
            all = new ArrayList<>(traces.values());
        }
        List<RequestTrace> out = new ArrayList<>(all.size());
        for (int i = all.size() - 1; i >= 0; i--) {
            out.add(all.get(i).snapshot());
        }
        return out;
    }

    private Trace trace(String requestId) {
        synchronized (traces) {
            return traces.get(requestId);
        }
    }

    /** One client request's record, written by its guest thread and background sends. */
    private static final class Trace {
        final String id;
        final String method;
        final String url;
        final Instant started;
        private int status;
        private Instant answered;
        private final List<Call> calls = new ArrayList<>();
        private final List<LogLine> lines = new ArrayList<>();
        private int dropped;

        Trace(String id, String method, String url, Instant started) {
            this.id = id;
            this.method = method;
            this.url = url;
            this.started = started;
        }

        synchronized void answered(int status, Instant at) {
            if (answered == null) {
                this.status = status;
                this.answered = at;
            }
        }

        synchronized void add(Call call) {
            if (calls.size() < RequestTrace.MAX_BACKEND_REQUESTS) {
                calls.add(call);
            }
        }

        synchronized void add(LogLine line) {
            if (lines.size() < RequestTrace.MAX_LINES) {
                lines.add(line);
            } else {
                dropped++;
            }
        }

        synchronized RequestTrace snapshot() {
            List<BackendTrace> backends = new ArrayList<>(calls.size());
            for (Call c : calls) {
                backends.add(c.snapshot());
            }
            return new RequestTrace(
                    id,
                    method,
                    url,
                    started,
                    status,
                    Optional.ofNullable(answered).map(a -> Duration.between(started, a)),
                    backends,
                    lines,
                    dropped);
        }
    }

    /** One backend request, finished by {@link #answered} or {@link #failed}. */
    final class Call {
        private final String backend;
        private final String method;
        private final String url;
        private final Instant started;
        private int status;
        private String error = "";
        private CacheOutcome outcome;
        private Duration duration;

        Call(String backend, String method, String url, Instant started) {
            this.backend = backend;
            this.method = method;
            this.url = url;
            this.started = started;
        }

        synchronized void answered(UpstreamResponse response) {
            status = response.head().status();
            outcome = response.cacheOutcome().orElse(null);
            duration = Duration.between(started, clock.instant());
        }

        synchronized void failed(String why) {
            error = why == null ? "failed" : why;
            duration = Duration.between(started, clock.instant());
        }

        synchronized BackendTrace snapshot() {
            return new BackendTrace(
                    backend,
                    method,
                    url,
                    started,
                    status,
                    error,
                    Optional.ofNullable(outcome),
                    Optional.ofNullable(duration));
        }
    }
}
