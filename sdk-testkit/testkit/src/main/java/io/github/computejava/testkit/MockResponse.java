package io.github.computejava.testkit;

import io.github.computejava.fsthttp.Headers;
import io.github.computejava.fsthttp.SendErrorKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scripted backend answers: a response (status, headers, body) after an optional delay, or a failure
 * before any response, as the SDK reports it through {@code SendErrorException.kind()}.
 *
 * <pre>{@code
 * host.backend("origin").respond(request -> MockResponse.builder()
 *         .status(200)
 *         .header("Cache-Control", "max-age=60")
 *         .body("hello")
 *         .build());
 * host.backend("flaky").enqueue(MockResponse.failure(SendErrorKind.CONNECTION_REFUSED));
 * }</pre>
 *
 * <p>A delay passes on the host's {@link VirtualClock}, without sleeping. A delay longer than the backend's
 * first-byte timeout becomes an {@link SendErrorKind#HTTP_RESPONSE_TIMEOUT} failure after the timeout, as on
 * Fastly. Immutable; build with {@link #builder()}.
 */
public final class MockResponse {
    private static final byte[] NO_BYTES = new byte[0];

    private final int status;
    private final Headers headers;
    private final Headers trailers;
    private final byte[] body;
    private final StreamedBody streamedBody;
    private final Duration delay;
    private final SendErrorKind failure;
    private final int dnsRcode;
    private final int dnsInfoCode;
    private final int tlsAlertId;
    private final int h2ErrorFrame;
    private final long h2ErrorCode;

    private MockResponse(Builder b) {
        this.status = b.status;
        this.headers = b.headers.copy();
        this.trailers = b.trailers.copy();
        this.body = b.body;
        this.streamedBody = b.streamedBody;
        this.delay = b.delay;
        this.failure = b.failure;
        this.dnsRcode = b.dnsRcode;
        this.dnsInfoCode = b.dnsInfoCode;
        this.tlsAlertId = b.tlsAlertId;
        this.h2ErrorFrame = b.h2ErrorFrame;
        this.h2ErrorCode = b.h2ErrorCode;
    }

    /**
     * A builder for a {@code 200 OK} with no headers and an empty body.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this response.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.headers = headers.copy();
        b.body = body;
        b.streamedBody = streamedBody;
        b.delay = delay;
        b.failure = failure;
        b.dnsRcode = dnsRcode;
        b.dnsInfoCode = dnsInfoCode;
        b.tlsAlertId = tlsAlertId;
        b.h2ErrorFrame = h2ErrorFrame;
        b.h2ErrorCode = h2ErrorCode;
        return b;
    }

    /**
     * A {@code 200 OK} with a UTF-8 text body.
     *
     * @param body the body
     * @return the response
     * @throws NullPointerException if {@code body} is null
     */
    public static MockResponse ok(String body) {
        return builder().body(body).build();
    }

    /**
     * A response with a status and a UTF-8 text body.
     *
     * @param status the status, 100..999
     * @param body the body
     * @return the response
     * @throws IllegalArgumentException if {@code status} is outside 100..999
     * @throws NullPointerException if {@code body} is null
     */
    public static MockResponse of(int status, String body) {
        return builder().status(status).body(body).build();
    }

    /**
     * A failure before any response: the program's {@code send} throws {@code SendErrorException} with this
     * kind (or {@code BackendNotFoundException} for {@link SendErrorKind#DESTINATION_NOT_FOUND}).
     *
     * @param kind why the request fails
     * @return the failure
     * @throws IllegalArgumentException for {@link SendErrorKind#UNKNOWN}, which no host reports
     * @throws NullPointerException if {@code kind} is null
     */
    public static MockResponse failure(SendErrorKind kind) {
        return builder().failure(kind).build();
    }

    /**
     * A DNS failure with the resolver's response code and extended error code, both reported to the program.
     *
     * @param rcode the DNS rcode, 0..65535 (3 is NXDOMAIN)
     * @param infoCode the extended DNS error info code, 0..65535
     * @return the failure
     * @throws IllegalArgumentException if a code is out of range
     */
    public static MockResponse dnsError(int rcode, int infoCode) {
        return builder().dnsError(rcode, infoCode).build();
    }

    /**
     * A TLS alert from the backend, reported with its id.
     *
     * @param alertId the TLS alert description, 0..255 (42 is bad_certificate)
     * @return the failure
     * @throws IllegalArgumentException if {@code alertId} is out of range
     */
    public static MockResponse tlsAlert(int alertId) {
        return builder().tlsAlert(alertId).build();
    }

    /**
     * An HTTP/2 error from the backend, reported with its frame type and error code.
     *
     * @param frame the frame type, 0..255
     * @param code the error code, 0..2^32-1
     * @return the failure
     * @throws IllegalArgumentException if a value is out of range
     */
    public static MockResponse h2Error(int frame, long code) {
        return builder().h2Error(frame, code).build();
    }

    /**
     * The status code (meaningless for a failure).
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The header fields.
     *
     * @return a copy of the headers
     */
    public Headers headers() {
        return headers.copy();
    }

    /**
     * The trailer fields sent after the body's last byte.
     *
     * @return a copy of the trailers, empty unless {@link Builder#trailer} added some
     */
    public Headers trailers() {
        return trailers.copy();
    }

    /**
     * The body.
     *
     * @return a copy of the body bytes (empty for a streamed body)
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body the test writes while it is sent, if this response has one instead of fixed bytes.
     *
     * @return the streamed body, or empty
     */
    public Optional<StreamedBody> streamedBody() {
        return Optional.ofNullable(streamedBody);
    }

    /**
     * How long the backend takes before answering, on the virtual clock.
     *
     * @return the delay, zero unless set
     */
    public Duration delay() {
        return delay;
    }

    /**
     * Why the request fails instead of getting this response.
     *
     * @return the failure, or empty for a response
     */
    public Optional<SendErrorKind> failure() {
        return Optional.ofNullable(failure);
    }

    int dnsRcode() {
        return dnsRcode;
    }

    int dnsInfoCode() {
        return dnsInfoCode;
    }

    int tlsAlertId() {
        return tlsAlertId;
    }

    int h2ErrorFrame() {
        return h2ErrorFrame;
    }

    long h2ErrorCode() {
        return h2ErrorCode;
    }

    /** The headers without copying, for the origin. */
    Headers rawHeaders() {
        return headers;
    }

    /** The trailers without copying, for the origin. */
    Headers rawTrailers() {
        return trailers;
    }

    /** The body without copying, for the origin. */
    byte[] rawBody() {
        return body;
    }

    @Override
    public String toString() {
        return failure != null
                ? "MockResponse{failure=" + failure + "}"
                : streamedBody != null
                        ? "MockResponse{status=" + status + ", streamed body}"
                        : "MockResponse{status=" + status + ", " + body.length + " body bytes}";
    }

    /** Builds a {@link MockResponse}; every setter checks its argument at once. */
    public static final class Builder {
        private int status = 200;
        private Headers headers = new Headers();
        private Headers trailers = new Headers();
        private byte[] body = NO_BYTES;
        private StreamedBody streamedBody;
        private Duration delay = Duration.ZERO;
        private SendErrorKind failure;
        private int dnsRcode = -1;
        private int dnsInfoCode = -1;
        private int tlsAlertId = -1;
        private int h2ErrorFrame = -1;
        private long h2ErrorCode;

        private Builder() {}

        /**
         * Sets the status.
         *
         * @param status 100..999
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is outside 100..999
         */
        public Builder status(int status) {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("status: must be 100..999, got " + status);
            }
            this.status = status;
            return this;
        }

        /**
         * Adds a header value after any existing ones.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
         * @throws NullPointerException if an argument is null
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Adds a trailer field, sent after the body's last byte as a real origin's chunked trailers are: a
         * response with trailers and no framing header of its own is framed {@code Transfer-Encoding: chunked}
         * instead of with a {@code Content-Length}. The program reads them with {@code Response.trailers()} once
         * it has read the body to its end.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
         * @throws NullPointerException if an argument is null
         */
        public Builder trailer(String name, String value) {
            trailers.add(name, value);
            return this;
        }

        /**
         * Replaces every header with a copy of {@code headers}.
         *
         * @param headers the headers
         * @return this builder
         * @throws NullPointerException if {@code headers} is null
         */
        public Builder headers(Headers headers) {
            this.headers = Objects.requireNonNull(headers, "headers").copy();
            return this;
        }

        /**
         * Sets a UTF-8 text body.
         *
         * @param text the body
         * @return this builder
         * @throws NullPointerException if {@code text} is null
         */
        public Builder body(String text) {
            this.body = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
            this.streamedBody = null;
            return this;
        }

        /**
         * Sets the body bytes (copied).
         *
         * @param bytes the body
         * @return this builder
         * @throws NullPointerException if {@code bytes} is null
         */
        public Builder body(byte[] bytes) {
            this.body = Objects.requireNonNull(bytes, "bytes").clone();
            this.streamedBody = null;
            return this;
        }

        /**
         * Sends a body the test writes while the program reads it (a slow origin), without a {@code
         * Content-Length}. A response with it answers one request.
         *
         * @param body the body
         * @return this builder
         * @throws NullPointerException if {@code body} is null
         */
        public Builder body(StreamedBody body) {
            this.streamedBody = Objects.requireNonNull(body, "body");
            this.body = NO_BYTES;
            return this;
        }

        /**
         * Delays the answer (or the failure) on the virtual clock.
         *
         * @param delay zero or more
         * @return this builder
         * @throws IllegalArgumentException if {@code delay} is negative
         * @throws NullPointerException if {@code delay} is null
         */
        public Builder delay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay: must not be negative, got " + delay);
            }
            this.delay = delay;
            return this;
        }

        /**
         * Makes this a failure before any response.
         *
         * @param kind why the request fails
         * @return this builder
         * @throws IllegalArgumentException for {@link SendErrorKind#UNKNOWN}
         * @throws NullPointerException if {@code kind} is null
         */
        public Builder failure(SendErrorKind kind) {
            Objects.requireNonNull(kind, "kind");
            if (kind == SendErrorKind.UNKNOWN) {
                throw new IllegalArgumentException("kind: UNKNOWN is what the SDK reports when a host says"
                        + " nothing; script a specific failure");
            }
            this.failure = kind;
            return this;
        }

        /**
         * Makes this a DNS failure with detail.
         *
         * @param rcode the DNS rcode, 0..65535
         * @param infoCode the extended DNS error info code, 0..65535
         * @return this builder
         * @throws IllegalArgumentException if a code is out of range
         */
        public Builder dnsError(int rcode, int infoCode) {
            this.dnsRcode = u16(rcode, "rcode");
            this.dnsInfoCode = u16(infoCode, "infoCode");
            this.failure = SendErrorKind.DNS_ERROR;
            return this;
        }

        /**
         * Makes this a TLS alert with detail.
         *
         * @param alertId the alert description, 0..255
         * @return this builder
         * @throws IllegalArgumentException if {@code alertId} is out of range
         */
        public Builder tlsAlert(int alertId) {
            if (alertId < 0 || alertId > 0xFF) {
                throw new IllegalArgumentException("alertId: must be 0..255, got " + alertId);
            }
            this.tlsAlertId = alertId;
            this.failure = SendErrorKind.TLS_ALERT_RECEIVED;
            return this;
        }

        /**
         * Makes this an HTTP/2 error with detail.
         *
         * @param frame the frame type, 0..255
         * @param code the error code, 0..2^32-1
         * @return this builder
         * @throws IllegalArgumentException if a value is out of range
         */
        public Builder h2Error(int frame, long code) {
            if (frame < 0 || frame > 0xFF) {
                throw new IllegalArgumentException("frame: must be 0..255, got " + frame);
            }
            if (code < 0 || code > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("code: must be a u32, got " + code);
            }
            this.h2ErrorFrame = frame;
            this.h2ErrorCode = code;
            this.failure = SendErrorKind.H2_ERROR;
            return this;
        }

        /**
         * Builds the response.
         *
         * @return an immutable response
         */
        public MockResponse build() {
            return new MockResponse(this);
        }

        private static int u16(int v, String what) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException(what + ": must be 0..65535, got " + v);
            }
            return v;
        }
    }
}
