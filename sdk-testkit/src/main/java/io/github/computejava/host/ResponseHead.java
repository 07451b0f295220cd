package io.github.computejava.host;

/** An HTTP response head as the host holds it. */
public final class ResponseHead {
    public int status = 200;
    /** {@code http_version}, as in {@link RequestHead#version}. */
    public int version = 2;

    public HeaderList headers = new HeaderList();

    /** {@code framing_headers_mode}: 0 automatic (the host frames the body), 1 manually from the headers. */
    public int framingMode;

    public ResponseHead() {}

    public ResponseHead(int status, HeaderList headers) {
        this.status = status;
        this.headers = headers;
    }

    public ResponseHead copy() {
        ResponseHead c = new ResponseHead(status, headers.copy());
        c.version = version;
        c.framingMode = framingMode;
        return c;
    }

    @Override
    public String toString() {
        return "HTTP " + status;
    }
}
