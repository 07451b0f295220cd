package io.github.computejava.host;

/** An HTTP request head as the host holds it: method, URI (absolute), version and headers. */
public final class RequestHead {
    public String method = "GET";
    public String uri = "/";
    /** {@code http_version}: 0 HTTP/0.9, 1 HTTP/1.0, 2 HTTP/1.1, 3 h2, 4 h3. */
    public int version = 2;

    public HeaderList headers = new HeaderList();

    /**
     * Set on a request the HTTP cache API suggested for one of its transactions: it goes to the backend without
     * a second readthrough lookup (the transaction is that lookup).
     */
    public boolean bypassReadthrough;
    /** {@code framing_headers_mode}: 0 automatic (the host frames the body), 1 manually from the headers. */
    public int framingMode;

    public RequestHead() {}

    public RequestHead(String method, String uri, HeaderList headers) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
    }

    public RequestHead copy() {
        RequestHead c = new RequestHead(method, uri, headers.copy());
        c.version = version;
        c.bypassReadthrough = bypassReadthrough;
        c.framingMode = framingMode;
        return c;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
