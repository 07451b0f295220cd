package io.github.computejava.host;

/** An HTTP request head as the host holds it: method, URI (absolute), version and headers. */
public final class RequestHead extends MessageHead {
    public String method = "GET";
    public String uri = "/";

    /**
     * Set on a request the HTTP cache API suggested for one of its transactions: it goes to the backend without
     * a second readthrough lookup (the transaction is that lookup).
     */
    public boolean bypassReadthrough;

    public RequestHead() {}

    public RequestHead(String method, String uri, HeaderList headers) {
        super(headers);
        this.method = method;
        this.uri = uri;
    }

    public RequestHead copy() {
        RequestHead c = copyVersionAndFraming(new RequestHead(method, uri, headers.copy()));
        c.bypassReadthrough = bypassReadthrough;
        return c;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
