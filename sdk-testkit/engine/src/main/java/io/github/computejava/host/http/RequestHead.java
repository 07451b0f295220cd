package io.github.computejava.host.http;

/** An HTTP request head as the host holds it: method, URI (absolute), version and headers. */
public final class RequestHead extends MessageHead {
    private String method = "GET";
    private String uri = "/";

    /**
     * Set on a request the HTTP cache API suggested for one of its transactions: it goes to the backend without
     * a second readthrough lookup (the transaction is that lookup).
     */
    private boolean bypassReadthrough;

    public RequestHead() {}

    public RequestHead(String method, String uri, HeaderList headers) {
        super(headers);
        this.method = method;
        this.uri = uri;
    }

    /** The method, in the case the program gave it. */
    public String method() {
        return method;
    }

    /** Sets the method. */
    public void method(String method) {
        this.method = method;
    }

    /** The URI (absolute once the program set one). */
    public String uri() {
        return uri;
    }

    /** Sets the URI. */
    public void uri(String uri) {
        this.uri = uri;
    }

    /** Whether this request skips the readthrough lookup (see the field). */
    public boolean bypassReadthrough() {
        return bypassReadthrough;
    }

    /** Marks this request as one the HTTP cache API suggested, so it skips the readthrough lookup. */
    public void bypassReadthrough(boolean bypass) {
        this.bypassReadthrough = bypass;
    }

    public RequestHead copy() {
        RequestHead c =
                copyVersionAndFraming(new RequestHead(method, uri, headers().copy()));
        c.bypassReadthrough = bypassReadthrough;
        return c;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
