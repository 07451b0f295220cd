package io.github.computejava.server;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.computejava.host.http.HeaderSection;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A small demo origin for trying programs offline: it answers every request with a JSON report of what it received
 * (method, URL, headers, body, client address), and takes knobs from the path or the query:
 *
 * <ul>
 *   <li>{@code /status/NNN} or {@code ?status=NNN}: the response status;
 *   <li>{@code /cache-control/VALUE} or {@code ?cache-control=VALUE}: a {@code Cache-Control} header;
 *   <li>{@code /header/NAME:VALUE} or {@code ?header=NAME:VALUE} (repeatable): any response header;
 *   <li>{@code /delay/MS} or {@code ?delay=MS}: wait before answering (at most 60 s).
 * </ul>
 *
 * <p>Knobs combine: {@code /status/404/cache-control/max-age=30/anything}. Start it with the server's {@code
 * --embedded-origin 127.0.0.1:7070} and point a {@code [local_server.backends]} URL at it.
 */
public final class EmbeddedOrigin implements AutoCloseable {
    private static final long MAX_DELAY_MS = 60_000;
    private static final int MAX_REPORTED_BODY = 64 * 1024;

    private final Server jetty;
    private final ServerConnector connector;

    private EmbeddedOrigin(InetSocketAddress address) {
        QueuedThreadPool threads = new QueuedThreadPool(64);
        threads.setName("embedded-origin");
        threads.setDaemon(true);
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Fastly's header limits, as the local server has: a program may forward what its client sent
        http.setRequestHeaderSize(HeaderSection.LIMIT);
        http.setResponseHeaderSize(HeaderSection.LIMIT);
        this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        jetty.addConnector(connector);
        jetty.setHandler(new EchoHandler());
    }

    /**
     * Starts an origin listening on {@code address}.
     *
     * @param address where to listen; port 0 picks a free port
     * @return the running origin
     * @throws IOException if the address cannot be bound
     */
    public static EmbeddedOrigin start(InetSocketAddress address) throws IOException {
        EmbeddedOrigin origin = new EmbeddedOrigin(address);
        try {
            origin.jetty.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start the embedded origin on " + address + ": " + e.getMessage(), e);
        }
        return origin;
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Its base URL, {@code http://host:port/}. */
    public URI uri() {
        String host = connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }

    /** The knobs a request sets. */
    static final class Knobs {
        int status = 200;
        long delayMillis;
        final List<String[]> headers = new ArrayList<>();

        /** Reads knobs from a path and a query. */
        static Knobs parse(String path, String query) {
            Knobs k = new Knobs();
            String[] segments = path.split("/");
            for (int i = 0; i + 1 < segments.length; i++) {
                String value = decode(segments[i + 1]);
                if (k.apply(segments[i], value)) {
                    i++;
                }
            }
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        k.apply(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                    }
                }
            }
            return k;
        }

        private boolean apply(String knob, String value) {
            switch (knob) {
                case "status":
                    try {
                        int s = Integer.parseInt(value);
                        if (s >= 200 && s <= 999) {
                            status = s;
                        }
                    } catch (NumberFormatException ignored) {
                        // not a knob then
                    }
                    return true;
                case "delay":
                    try {
                        delayMillis = Math.max(0, Math.min(MAX_DELAY_MS, Long.parseLong(value)));
                    } catch (NumberFormatException ignored) {
                        // not a knob then
                    }
                    return true;
                case "cache-control":
                    headers.add(new String[] {"Cache-Control", value});
                    return true;
                case "header":
                    int colon = value.indexOf(':');
                    if (colon > 0) {
                        headers.add(new String[] {
                            value.substring(0, colon).trim(),
                            value.substring(colon + 1).trim()
                        });
                    }
                    return true;
                default:
                    return false;
            }
        }

        private static String decode(String s) {
            try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
    }

    private static final class EchoHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body;
            try (InputStream in = Request.asInputStream(request)) {
                body = in.readAllBytes();
            }
            Knobs knobs = Knobs.parse(
                    request.getHttpURI().getPath(), request.getHttpURI().getQuery());
            if (knobs.delayMillis > 0) {
                Thread.sleep(knobs.delayMillis);
            }
            JsonObject report = new JsonObject();
            report.addProperty("method", request.getMethod());
            report.addProperty("url", request.getHttpURI().asString());
            report.addProperty("path", request.getHttpURI().getPath());
            if (request.getHttpURI().getQuery() != null) {
                report.addProperty("query", request.getHttpURI().getQuery());
            }
            report.addProperty("client", Request.getRemoteAddr(request));
            Map<String, JsonArray> headers = new LinkedHashMap<>();
            for (HttpField f : request.getHeaders()) {
                headers.computeIfAbsent(f.getName(), n -> new JsonArray()).add(f.getValue());
            }
            JsonObject h = new JsonObject();
            headers.forEach((name, values) -> h.add(name, values.size() == 1 ? values.get(0) : values));
            report.add("headers", h);
            report.addProperty("bodyLength", body.length);
            if (body.length > 0) {
                String text = new String(body, 0, Math.min(body.length, MAX_REPORTED_BODY), StandardCharsets.UTF_8);
                report.addProperty("body", text);
            }
            byte[] out = (new GsonBuilder()
                                    .setPrettyPrinting()
                                    .disableHtmlEscaping()
                                    .create()
                                    .toJson(report) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            response.setStatus(knobs.status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            for (String[] header : knobs.headers) {
                response.getHeaders().add(header[0], header[1]);
            }
            boolean noBody = request.getMethod().equals("HEAD") || knobs.status == 204 || knobs.status == 304;
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, noBody ? 0 : out.length);
            response.write(true, noBody ? ByteBuffer.allocate(0) : ByteBuffer.wrap(out), callback);
            return true;
        }
    }
}
