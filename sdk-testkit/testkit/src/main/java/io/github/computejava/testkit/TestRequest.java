package io.github.computejava.testkit;

import io.github.computejava.fsthttp.Headers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A client request to send to the program under test, built fluently and sent with {@link #send()}.
 *
 * <pre>{@code
 * TestResponse response = host.get("/hello").header("Accept", "text/plain").send();
 * }</pre>
 *
 * <p>A relative target is resolved against the host's base URL ({@code http://localhost} unless changed); the
 * {@code Host} header is taken from the URL unless set. The client address defaults to {@code 127.0.0.1}.
 */
public final class TestRequest {
    private static final byte[] NO_BYTES = new byte[0];

    private final TestHost host;
    private final String method;
    private final String url;
    private final Headers headers = new Headers();
    private byte[] body = NO_BYTES;
    private byte[] clientAddress = {127, 0, 0, 1};

    TestRequest(TestHost host, String method, String url) {
        this.host = host;
        this.method = method;
        this.url = url;
    }

    /**
     * The method.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The absolute URL the program sees.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * Adds a header value.
     *
     * @param name the header name
     * @param value the value
     * @return this request
     * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
     * @throws NullPointerException if an argument is null
     */
    public TestRequest header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /**
     * Adds every header of {@code more}.
     *
     * @param more the headers
     * @return this request
     * @throws NullPointerException if {@code more} is null
     */
    public TestRequest headers(Headers more) {
        Objects.requireNonNull(more, "more");
        for (String name : more.names()) {
            for (String value : more.values(name)) {
                headers.add(name, value);
            }
        }
        return this;
    }

    /**
     * Adds a cookie to the {@code Cookie} header.
     *
     * @param name the cookie name
     * @param value the cookie value
     * @return this request
     * @throws IllegalArgumentException if the name or value holds characters a cookie cannot carry
     * @throws NullPointerException if an argument is null
     */
    public TestRequest cookie(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf(';') >= 0 || value.indexOf(';') >= 0) {
            throw new IllegalArgumentException("cookie: '" + name + "=" + value + "' is not a valid cookie pair");
        }
        String pair = name + "=" + value;
        String existing = headers.get("Cookie").orElse(null);
        headers.set("Cookie", existing == null ? pair : existing + "; " + pair);
        return this;
    }

    /**
     * Sets a UTF-8 text body.
     *
     * @param text the body
     * @return this request
     * @throws NullPointerException if {@code text} is null
     */
    public TestRequest body(String text) {
        this.body = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Sets the body bytes (copied).
     *
     * @param bytes the body
     * @return this request
     * @throws NullPointerException if {@code bytes} is null
     */
    public TestRequest body(byte[] bytes) {
        this.body = Objects.requireNonNull(bytes, "bytes").clone();
        return this;
    }

    /**
     * Sets the client's IP address.
     *
     * @param address an IPv4 or IPv6 literal, such as {@code 192.0.2.1}
     * @return this request
     * @throws IllegalArgumentException if {@code address} is not an IP literal
     * @throws NullPointerException if {@code address} is null
     */
    public TestRequest clientAddress(String address) {
        Objects.requireNonNull(address, "address");
        if (!isIpLiteral(address)) {
            throw new IllegalArgumentException("address: '" + address + "' is not an IP address literal");
        }
        try {
            // a literal is parsed without a name lookup
            this.clientAddress = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address: '" + address + "' is not an IP address literal");
        }
        return this;
    }

    /**
     * Runs the program for this request on the calling thread and collects its whole response.
     *
     * @return the response
     * @throws IllegalStateException if the host has no program, or is closed
     * @throws AssertionError if a scripted backend's responder failed during the request
     */
    public TestResponse send() {
        return host.run(this);
    }

    /**
     * Runs the program for this request on another thread, as a concurrent client would.
     *
     * @return the response, when the program finishes
     * @throws IllegalStateException if the host is closed
     */
    public CompletableFuture<TestResponse> sendAsync() {
        return host.runAsync(this);
    }

    /**
     * Runs the program for this request on another thread and returns as soon as the response head arrives, with
     * a body to read while it is still being produced. Failures of scripted responders are not reported here;
     * use {@link #send()} for that.
     *
     * @return the response, its body still arriving
     * @throws IllegalStateException if the host has no program, is closed, or no response head arrives within a
     *     minute
     */
    public StreamingResponse sendStreaming() {
        return host.runStreaming(this);
    }

    static boolean isIpLiteral(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean colon = s.indexOf(':') >= 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c == '.' || colon && (c == ':' || Character.digit(c, 16) >= 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    Headers rawHeaders() {
        return headers;
    }

    byte[] rawBody() {
        return body;
    }

    byte[] rawClientAddress() {
        return clientAddress;
    }

    @Override
    public String toString() {
        return method + " " + url;
    }
}
