package io.github.computejava.host.http;

/**
 * What a request head and a response head have alike: the HTTP version, the header fields and the framing mode.
 * The hostcalls that act on these act the same way on requests and responses.
 */
public abstract class MessageHead {
    /** {@code http_version}: 0 HTTP/0.9, 1 HTTP/1.0, 2 HTTP/1.1, 3 h2, 4 h3. */
    private int version = 2;

    /** The header fields. */
    private HeaderList headers = new HeaderList();

    /** {@code framing_headers_mode}: 0 automatic (the host frames the body), 1 manually from the headers. */
    private int framingMode;

    MessageHead(HeaderList headers) {
        this.headers = headers;
    }

    MessageHead() {}

    /** {@code http_version}: 0 HTTP/0.9, 1 HTTP/1.0, 2 HTTP/1.1, 3 h2, 4 h3. */
    public final int version() {
        return version;
    }

    /** Sets the {@code http_version}. */
    public final void version(int version) {
        this.version = version;
    }

    /** The header fields, which the caller may change in place. */
    public final HeaderList headers() {
        return headers;
    }

    /** Replaces the header fields. */
    public final void headers(HeaderList headers) {
        this.headers = headers;
    }

    /** {@code framing_headers_mode}: 0 automatic (the host frames the body), 1 manually from the headers. */
    public final int framingMode() {
        return framingMode;
    }

    /** Sets the {@code framing_headers_mode}. */
    public final void framingMode(int framingMode) {
        this.framingMode = framingMode;
    }

    /** Sets this head's version and framing mode on {@code copy}, a copy made with a copy of the headers. */
    final <T extends MessageHead> T copyVersionAndFraming(T copy) {
        copy.version(version);
        copy.framingMode(framingMode);
        return copy;
    }
}
