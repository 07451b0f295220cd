package io.github.computejava.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.cache.CacheNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local server's inspector: a page, on an address of its own (so no route of the program can shadow it), that
 * shows what the engine holds (the last client requests with their backend requests, cache outcomes and log lines;
 * the cache's objects; the stores without secret values; the backends) and purges cached objects by key or by
 * surrogate key. The same data is JSON for scripts:
 *
 * <pre>
 * GET  /                 the page (plain HTML, CSS and JavaScript; nothing to build)
 * GET  /api              everything below in one object, with "server" (program, address, when it was loaded)
 * GET  /api/requests     the last client requests, newest first
 * GET  /api/cache        the cached objects, most recently used first
 * GET  /api/stores       config stores with entries, KV stores with keys and sizes, secret stores with names
 * GET  /api/backends     the backends
 * POST /api/purge        {"key": "HEX", "namespace": "readthrough"} or {"surrogateKey": "K", "soft": false}
 * </pre>
 *
 * <p>Everything shown comes from the engine's read-only {@link io.github.computejava.host.EngineView}; purges go
 * through the engine's own purge operations. A purge must be sent as {@code application/json}, which a web page of
 * another origin cannot do without the inspector's consent, and requests must name the inspector's own address or a
 * loopback name as their {@code Host}.
 */
final class Inspector implements AutoCloseable {
    private static final String RESOURCES = "/io/github/computejava/server/inspector/";
    private static final Map<String, String> FILES = Map.of(
            "/", "inspector.html",
            "/inspector.js", "inspector.js",
            "/inspector.css", "inspector.css");

    private final LocalServer server;
    private final HostEngine engine;
    private final Server jetty;
    private final ServerConnector connector;
    private final InetSocketAddress address;

    private Inspector(LocalServer server, InetSocketAddress address) {
        this.server = server;
        this.engine = server.engine();
        this.address = address;
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("compute-inspector");
        threads.setDaemon(true);
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        jetty.addConnector(connector);
        jetty.setHandler(new InspectorHandler());
    }

    /**
     * Starts the inspector of a running server.
     *
     * @param server the server whose engine it shows
     * @param address where the page is served (port 0 picks a free port)
     * @return the running inspector
     * @throws IOException if the address cannot be bound
     */
    static Inspector start(LocalServer server, InetSocketAddress address) throws IOException {
        Inspector inspector =
                new Inspector(Objects.requireNonNull(server, "server"), Objects.requireNonNull(address, "address"));
        try {
            inspector.jetty.start();
        } catch (Exception e) {
            inspector.close();
            throw new IOException("cannot start the inspector on " + address + ": " + e.getMessage(), e);
        }
        return inspector;
    }

    /** The page's URL, {@code http://host:port/}. */
    URI uri() {
        String host = address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }

    private JsonObject serverJson() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("program", server.program().name());
        s.put("programLoaded", server.programLoaded().toString());
        s.put("programVersion", server.programVersion());
        s.put("address", server.uri().toString());
        s.put("recordsRequests", engine.view().recordsRequests());
        s.put("cacheBytes", engine.cacheStore().sizeBytes());
        s.put("cacheCapacity", engine.cacheStore().capacityBytes());
        return InspectorJson.object(s);
    }

    /** A cache key given as hex digits (a readthrough key has 64; a core key any even number). */
    static byte[] hex(String digits) {
        String d = digits.trim();
        if (d.isEmpty() || d.length() % 2 != 0) {
            throw new IllegalArgumentException("key: an even number of hex digits, got " + d.length());
        }
        byte[] out = new byte[d.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(d.charAt(2 * i), 16);
            int lo = Character.digit(d.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("key: not a hex digit at " + (hi < 0 ? 2 * i : 2 * i + 1));
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** Whether a Host header names this inspector or a loopback host (a page elsewhere cannot rebind to it). */
    private boolean trustedHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host;
        try {
            host = new HostPort(hostHeader).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equalsIgnoreCase("localhost") || host.equalsIgnoreCase(address.getHostString())) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isLoopbackAddress() || a.equals(address.getAddress());
        } catch (IOException e) {
            return false;
        }
    }

    private final class InspectorHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!trustedHost(request.getHeaders().get(HttpHeader.HOST))) {
                send(
                        response,
                        callback,
                        403,
                        "text/plain; charset=utf-8",
                        "the inspector answers its own address only\n");
                return true;
            }
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            if (path.equals("/api/purge")) {
                if (!method.equals("POST")) {
                    json(response, callback, 405, error("POST a JSON object to purge"));
                } else {
                    purge(request, response, callback);
                }
                return true;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                json(response, callback, 405, error("only GET here"));
                return true;
            }
            switch (path) {
                case "/api":
                    json(response, callback, 200, InspectorJson.all(engine.view(), serverJson()));
                    return true;
                case "/api/requests":
                    json(response, callback, 200, InspectorJson.requests(engine.view()));
                    return true;
                case "/api/cache":
                    json(response, callback, 200, InspectorJson.cache(engine.view()));
                    return true;
                case "/api/stores":
                    json(
                            response,
                            callback,
                            200,
                            InspectorJson.stores(engine.view().stores()));
                    return true;
                case "/api/backends":
                    json(
                            response,
                            callback,
                            200,
                            InspectorJson.backends(engine.view().backends()));
                    return true;
                default:
                    break;
            }
            String file = FILES.get(path);
            if (file == null) {
                send(response, callback, 404, "text/plain; charset=utf-8", "not found\n");
                return true;
            }
            byte[] bytes;
            try (InputStream in = Inspector.class.getResourceAsStream(RESOURCES + file)) {
                if (in == null) {
                    send(response, callback, 500, "text/plain; charset=utf-8", "the inspector's page is missing\n");
                    return true;
                }
                bytes = in.readAllBytes();
            }
            String type = file.endsWith(".html")
                    ? "text/html; charset=utf-8"
                    : file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            send(response, callback, 200, type, bytes);
            return true;
        }

        private void purge(Request request, Response response, Callback callback) throws IOException {
            String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                json(response, callback, 415, error("send the purge as application/json"));
                return;
            }
            JsonObject body;
            try (InputStream in = Request.asInputStream(request)) {
                JsonElement parsed =
                        JsonParser.parseString(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
                if (!parsed.isJsonObject()) {
                    json(response, callback, 400, error("expected a JSON object"));
                    return;
                }
                body = parsed.getAsJsonObject();
            } catch (JsonParseException | IllegalStateException e) {
                json(response, callback, 400, error("not JSON: " + e.getMessage()));
                return;
            }
            JsonObject result = new JsonObject();
            try {
                if (body.has("surrogateKey")) {
                    String key = body.get("surrogateKey").getAsString();
                    boolean soft = body.has("soft") && body.get("soft").getAsBoolean();
                    if (key.isEmpty()) {
                        json(response, callback, 400, error("surrogateKey is empty"));
                        return;
                    }
                    result.addProperty("purged", engine.readthrough().purgeSurrogateKey(key, soft));
                } else if (body.has("key")) {
                    String namespace = body.has("namespace")
                            ? body.get("namespace").getAsString()
                            : CacheNamespace.READTHROUGH.name();
                    byte[] key = hex(body.get("key").getAsString());
                    result.addProperty("purged", engine.cacheStore().remove(CacheNamespace.of(namespace), key));
                } else {
                    json(response, callback, 400, error("name a \"key\" or a \"surrogateKey\""));
                    return;
                }
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                json(response, callback, 400, error(e.getMessage()));
                return;
            }
            json(response, callback, 200, result);
        }

        private JsonObject error(String message) {
            JsonObject o = new JsonObject();
            o.addProperty("error", message);
            return o;
        }

        private void json(Response response, Callback callback, int status, JsonElement json) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            send(response, callback, status, "application/json", json.toString() + "\n");
        }

        private void send(Response response, Callback callback, int status, String type, String text) {
            send(response, callback, status, type, text.getBytes(StandardCharsets.UTF_8));
        }

        private void send(Response response, Callback callback, int status, String type, byte[] bytes) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }
}
