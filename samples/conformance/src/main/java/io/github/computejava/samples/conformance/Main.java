package io.github.computejava.samples.conformance;

import io.github.computejava.HostcallException;
import io.github.computejava.StoreNotFoundException;
import io.github.computejava.cache.simple.SimpleCache;
import io.github.computejava.configstore.ConfigStore;
import io.github.computejava.fsthttp.Backend;
import io.github.computejava.fsthttp.BackendNotFoundException;
import io.github.computejava.fsthttp.BackendOptions;
import io.github.computejava.fsthttp.BackendRegistrationException;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.ClientInfo;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Cookie;
import io.github.computejava.fsthttp.Headers;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.fsthttp.ResponseWriter;
import io.github.computejava.fsthttp.SendErrorException;
import io.github.computejava.fsthttp.Url;
import io.github.computejava.kvstore.InsertMode;
import io.github.computejava.kvstore.KVEntry;
import io.github.computejava.kvstore.KVStore;
import io.github.computejava.kvstore.KVStoreException;
import io.github.computejava.kvstore.ListOptions;
import io.github.computejava.kvstore.ListPage;
import io.github.computejava.log.LogEndpoint;
import io.github.computejava.secretstore.Secret;
import io.github.computejava.secretstore.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;

/**
 * The conformance program: every path is one scenario, answered the same way whichever door runs it (the
 * testkit in-process, or {@code main.wasm} on the local server). Backends: {@code origin} (echoes what reached
 * it) and {@code refused} (nothing listens).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Compute.serve(Main::route);
    }

    static void route(Request request, ResponseWriter w) throws IOException {
        String path = request.path();
        switch (path) {
            case "/hello":
                w.headers().set("Content-Type", "text/plain; charset=utf-8");
                w.write("Hello, conformance\n");
                return;
            case "/echo":
                echo(request, w);
                return;
            case "/status":
                w.status(Integer.parseInt(request.query().orElse("200")));
                w.write("status\n");
                return;
            case "/headers":
                w.headers().add("X-Multi", "one").add("X-Multi", "two");
                w.headers().set("X-Latin1", "caf\u00e9");
                w.write("headers\n");
                return;
            case "/proxy":
                w.send(request.send("origin"));
                return;
            case "/proxy-copy":
                try (Response r = request.send("origin")) {
                    w.status(r.status());
                    w.headers().setAll(r.headers());
                    w.headers().set("X-Proxied", "yes");
                    r.body().transferTo(w.body());
                }
                return;
            case "/stream":
                stream(w);
                return;
            case "/append":
                w.write("<");
                w.append(Request.get("http://origin.test/one").send("origin"));
                w.write("|");
                w.append(Request.get("http://origin.test/two").send("origin"));
                w.write(">");
                return;
            case "/send-error":
                try {
                    request.send("refused").close();
                    w.write("no error\n");
                } catch (SendErrorException e) {
                    w.status(502);
                    w.write("send error: " + e.kind() + "\n");
                }
                return;
            case "/missing-backend":
                try {
                    request.send("nowhere").close();
                } catch (BackendNotFoundException e) {
                    w.status(500);
                    w.write("no backend: " + e.backend() + "\n");
                }
                return;
            case "/throw":
                throw new IllegalStateException("the handler failed on purpose");
            case "/throw-after-flush":
                w.writeHeader(200);
                w.write("partial");
                w.flush();
                throw new IllegalStateException("failed mid-stream");
            case "/config":
                w.write(ConfigStore.open("settings").get("greeting").orElse("(none)") + "\n");
                try {
                    ConfigStore.open("absent");
                } catch (StoreNotFoundException e) {
                    w.write("absent store\n");
                }
                return;
            case "/kv":
                kv(request, w);
                return;
            case "/kv-generation":
                kvGeneration(w);
                return;
            case "/kv-list":
                kvList(w);
                return;
            case "/gunzip":
                gunzip(w);
                return;
            case "/secret":
                w.write("token length "
                        + SecretStore.open("credentials")
                                .get("token")
                                .map(s -> s.plaintext().length)
                                .orElse(-1) + "\n");
                w.write("from bytes " + Secret.fromBytes(new byte[] {1, 2, 3}).plaintext().length + "\n");
                return;
            case "/log":
                LogEndpoint.open("conformance").log("visited " + path);
                w.write("logged\n");
                return;
            case "/log-writer":
                logWriter(w);
                return;
            case "/dynamic":
                dynamic(request, w);
                return;
            case "/cookies":
                w.write("cookies " + request.cookies().size() + " id="
                        + request.cookie("id").map(Cookie::value).orElse("-") + "\n");
                w.setCookie(Cookie.builder("seen", "1")
                        .path("/")
                        .httpOnly(true)
                        .maxAge(Duration.ofMinutes(5))
                        .build());
                return;
            case "/redirect":
                w.redirect("/hello", 302);
                return;
            case "/error":
                w.error(503, "unavailable");
                return;
            case "/manual-framing":
                w.manualFraming(true);
                w.headers().set("Content-Length", "6");
                w.write("framed");
                return;
            case "/client":
                w.write("client " + request.clientAddress().orElse("-") + "\n");
                return;
            case "/backend-info":
                Backend origin = Backend.fromName("origin");
                w.write(origin.name() + " exists=" + Backend.exists("origin") + " dynamic=" + origin.isDynamic()
                        + " missing=" + Backend.exists("nowhere") + "\n");
                return;
            case "/url":
                url(request, w);
                return;
            case "/cache-ttl":
                cacheTtl(w);
                return;
            case "/throwing-hooks":
                throwingHooks(w);
                return;
            case "/cache-facts":
                cacheFacts(w);
                return;
            case "/client-info":
                clientInfo(request, w);
                return;
            case "/early-hints":
                w.sendEarlyHints(new Headers().add("Link", "</a.css>; rel=preload; as=style"));
                w.sendEarlyHints(new Headers()
                        .add("Link", "</b.js>; rel=preload; as=script")
                        .add("X-Hint", "2"));
                w.headers().set("Content-Type", "text/plain");
                w.write("page\n");
                return;
            case "/early-hints-late":
                w.writeHeader(200);
                try {
                    w.sendEarlyHints(new Headers().add("Link", "</late.css>; rel=preload"));
                    w.write("late hints sent\n");
                } catch (IllegalStateException e) {
                    w.write("late: " + e.getMessage() + "\n");
                }
                return;
            case "/trailers":
                w.write("body\n");
                w.addTrailer("X-Checksum", "abc123");
                w.addTrailer("Server-Timing", "render;dur=1");
                return;
            case "/informational":
                // the host sends no 1xx but 103 (sendEarlyHints): the head is refused, and the writer is spent
                try {
                    w.writeHeader(102);
                    w.write("sent 102\n");
                } catch (HostcallException e) {
                    LogEndpoint.open("conformance").log("refused: " + e.getMessage());
                }
                return;
            case "/backend-trailers":
                backendTrailers(w);
                return;
            case "/mtls":
                mtls(w);
                return;
            default:
                w.notFound();
        }
    }

    /**
     * A backend's trailers: refused before its body was read, known after, empty when it sent none. The sends
     * pass the cache, which stores a body without its trailers.
     */
    private static void backendTrailers(ResponseWriter w) throws IOException {
        Request withTrailers = Request.get("http://origin.test/with-trailers").cacheOptions(CacheOptions.PASS);
        try (Response r = withTrailers.send("origin")) {
            try {
                w.write("before the body: " + r.trailers() + "\n");
            } catch (IllegalStateException e) {
                w.write("before the body: " + e.getMessage() + "\n");
            }
            w.write(r.bodyText());
            Headers t = r.trailers();
            w.write("trailers " + t.names() + " checksum=" + t.get("X-Checksum").orElse("-") + " timing="
                    + t.values("Server-Timing") + "\n");
        }
        try (Response r = Request.get("http://origin.test/plain")
                .cacheOptions(CacheOptions.PASS)
                .send("origin")) {
            r.bodyText();
            w.write("without trailers: " + r.trailers().names() + "\n");
        }
    }

    private static void url(Request request, ResponseWriter w) throws IOException {
        Url u = request.parsedUrl();
        w.write("path " + u.path() + " q=" + request.queryParam("q").orElse("-") + " tags=" + u.queryParamValues("tag")
                + " names=" + u.queryParamNames() + "\n");
        Url changed = u.path("/v2" + u.path())
                .queryParam("page", "2")
                .removeQueryParam("debug")
                .addQueryParam("note", "a b&c");
        w.write("changed " + changed.path() + "?" + changed.query().orElse("") + "\n");
        Request[] sends = {
            Request.post("http://origin.test/").body("posted"),
            Request.put("http://origin.test/").body("put"),
            Request.delete("http://origin.test/")
        };
        for (Request out : sends) {
            out.url(out.parsedUrl().path("/items").queryParam("id", "7 8"));
            try (Response r = out.send("origin")) {
                w.write(r.bodyText());
            }
        }
    }

    private static void cacheTtl(ResponseWriter w) {
        // the origin's /short answers are stale at once; a one-line TTL override keeps them for a minute
        for (int i = 0; i < 2; i++) {
            try (Response r = Request.get("http://origin.test/short")
                    .cacheTtl(Duration.ofMinutes(1))
                    .send("origin")) {
                w.write("override " + r.headers().get("X-Cache").orElse("-") + " " + r.bodyText());
            }
        }
        for (int i = 0; i < 2; i++) {
            try (Response r = Request.get("http://origin.test/short?plain").send("origin")) {
                w.write("plain " + r.headers().get("X-Cache").orElse("-") + " " + r.bodyText());
            }
        }
    }

    private static void throwingHooks(ResponseWriter w) {
        Request before = Request.get("http://origin.test/hooked-before")
                .cacheOptions(CacheOptions.builder()
                        .beforeSend(r -> {
                            throw new IOException("no token for " + r.path());
                        })
                        .build());
        try {
            before.send("origin").close();
            w.write("before-send: sent\n");
        } catch (UncheckedIOException e) {
            w.write("before-send: " + e.getCause().getMessage() + "\n");
        }
        Request after = Request.get("http://origin.test/hooked-after")
                .cacheOptions(CacheOptions.builder()
                        .afterSend(c -> {
                            throw new IOException("cannot judge " + c.status());
                        })
                        .build());
        try {
            after.send("origin").close();
            w.write("after-send: sent\n");
        } catch (UncheckedIOException e) {
            w.write("after-send: " + e.getCause().getMessage() + "\n");
        }
        try {
            SimpleCache.getOrSet("io-loader", () -> {
                throw new IOException("loader could not read");
            });
            w.write("loader: stored\n");
        } catch (IOException e) {
            w.write("loader: " + e.getMessage() + "\n");
        }
    }

    private static void cacheFacts(ResponseWriter w) {
        CacheOptions facts = CacheOptions.builder().cacheFacts(true).build();
        for (int i = 0; i < 2; i++) {
            try (Response r =
                    Request.get("http://origin.test/facts").cacheOptions(facts).send("origin")) {
                w.write(describe("facts", r));
            }
        }
        // the host's one-call send: whether it came from the cache, and no more
        try (Response r = Request.get("http://origin.test/facts").send("origin")) {
            w.write(describe("plain", r));
        }
        // stale at once and usable for 5 minutes if the backend fails: the second answer is a 503
        String[] fails = {"no", "yes"};
        for (String fail : fails) {
            Request q = Request.get("http://origin.test/flaky").cacheOptions(facts);
            q.headers().set("X-Fail", fail);
            try (Response r = q.send("origin")) {
                w.write(describe("flaky " + fail, r));
            }
        }
        // an after-send hook that fails is masked the same way
        Request hooked = Request.get("http://origin.test/flaky")
                .cacheOptions(CacheOptions.builder()
                        .afterSend(c -> {
                            throw new IOException("hook could not read " + c.status());
                        })
                        .cacheFacts(true)
                        .build());
        hooked.headers().set("X-Fail", "no");
        try (Response r = hooked.send("origin")) {
            w.write(describe("hooked", r));
        }
    }

    private static String describe(String what, Response r) {
        return what + ": status=" + r.status() + " fromCache=" + r.fromCache() + " ttl="
                + r.ttl().map(Duration::getSeconds).orElse(-1L) + " age="
                + r.age().map(Duration::getSeconds).orElse(-1L) + " swr="
                + r.staleWhileRevalidate().map(Duration::getSeconds).orElse(-1L) + " sie="
                + r.staleIfError().map(Duration::getSeconds).orElse(-1L) + " vary=" + r.vary() + " keys="
                + r.surrogateKeys() + " masked="
                + r.maskedError()
                        .map(e -> (e instanceof UncheckedIOException ? "io: " : "") + e.getMessage())
                        .orElse("-")
                + "\n";
    }

    private static void clientInfo(Request request, ResponseWriter w) {
        ClientInfo c = request.clientInfo().orElseThrow();
        w.write("id " + (c.requestId().length() == 32) + " " + c.httpVersion() + " server "
                + c.serverAddress().orElse("-") + "\n");
        w.write("tls " + c.tlsProtocol().orElse("-") + " " + c.tlsCipher().orElse("-") + " sni "
                + c.tlsServerName().orElse("-") + " hello "
                + c.tlsClientHello().map(b -> b.length).orElse(-1) + "\n");
        w.write("cert "
                + c.tlsClientCertificate()
                        .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
                        .orElse("-") + " "
                + c.tlsClientCertVerifyResult().map(Enum::name).orElse("-") + "\n");
        w.write("ja3 " + c.ja3Md5().orElse("-") + " ja4 " + c.ja4().orElse("-") + " h2 "
                + c.h2Fingerprint().orElse("-") + " oh " + c.ohFingerprint().orElse("-") + "\n");
        w.write("ddos " + c.ddosDetected() + " fastly-key " + c.fastlyKeyIsValid() + "\n");
        w.write("original X-Mixed-Case " + c.originalHeaderNames().contains("X-Mixed-Case") + " count "
                + (c.originalHeaderCount() == c.originalHeaderNames().size()) + "\n");
        w.write("built " + Request.get("http://origin.test/").clientInfo().isPresent() + "\n");
    }

    private static void mtls(ResponseWriter w) {
        String certificate = ConfigStore.open("settings").get("client-cert").orElseThrow();
        Secret key = SecretStore.open("credentials").get("client-key").orElseThrow();
        Backend mtls = Backend.register(
                "mtls-origin",
                Backend.fromName("origin").target(),
                BackendOptions.builder().clientCertificate(certificate, key).build());
        w.write("registered " + mtls.name() + " ssl=" + mtls.isSsl() + "\n");
        try {
            Backend.register(
                    "mtls-bad",
                    Backend.fromName("origin").target(),
                    BackendOptions.builder()
                            .clientCertificate("not a certificate", Secret.fromBytes(new byte[] {1}))
                            .build());
            w.write("bad certificate accepted\n");
        } catch (BackendRegistrationException e) {
            w.write("bad certificate: " + e.reason() + "\n");
        }
        try (Response r = Request.get("http://mtls.test/with-certificate").send(mtls)) {
            w.write("origin said: " + r.bodyText());
        }
    }

    private static void echo(Request request, ResponseWriter w) throws IOException {
        byte[] body = readAll(request.body());
        w.headers().set("Content-Type", "text/plain; charset=utf-8");
        w.write(request.method() + " " + request.path() + " ?" + request.query().orElse("") + "\n");
        w.write("x-test: " + String.join(",", request.headers().values("X-Test")) + "\n");
        w.write("body: " + new String(body, java.nio.charset.StandardCharsets.UTF_8) + "\n");
    }

    private static byte[] readAll(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf, 0, buf.length)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void stream(ResponseWriter w) {
        w.headers().set("Content-Type", "application/octet-stream");
        byte[] chunk = new byte[1000];
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < chunk.length; j++) {
                chunk[j] = (byte) ('a' + (i + j) % 26);
            }
            w.write(chunk);
        }
    }

    private static void kv(Request request, ResponseWriter w) {
        KVStore store = KVStore.open("data");
        w.write("seeded: " + store.lookup("seeded").map(KVEntry::text).orElse("(none)") + "\n");
        store.insert("visit", "written by " + request.method());
        w.write("visit: " + store.lookup("visit").map(KVEntry::text).orElse("(none)") + "\n");
        w.write("deleted: " + store.delete("visit") + " " + store.delete("visit") + "\n");
    }

    /** Log lines through a Writer: one per newline or flush, in UTF-8. */
    private static void logWriter(ResponseWriter w) throws IOException {
        try (Writer out = LogEndpoint.open("conformance").writer()) {
            out.write("writer line 1\n");
            out.write("writer caf\u00e9 \u20ac\nwriter ");
            out.write("line 3");
            out.flush();
            out.write("at close");
        }
        w.write("logged through a writer\n");
    }

    private static void gunzip(ResponseWriter w) throws IOException {
        String[][] cases = {{"/gzipped", "false"}, {"/gzipped", "true"}, {"/plain", "true"}};
        for (String[] c : cases) {
            Request r = Request.get("http://origin.test" + c[0]).decompressGzip(Boolean.parseBoolean(c[1]));
            try (Response resp = r.send("origin")) {
                byte[] body = resp.body().readAllBytes();
                boolean gzipMagic = body.length > 1 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
                w.write(c[0] + " decompress=" + c[1] + ": encoding="
                        + resp.headers().get("Content-Encoding").orElse("-") + " length="
                        + resp.headers().get("Content-Length").orElse("-") + " "
                        + (gzipMagic ? "gzip bytes" : new String(body, java.nio.charset.StandardCharsets.UTF_8))
                        + "\n");
            }
        }
    }

    private static void kvList(ResponseWriter w) {
        KVStore store = KVStore.open("data");
        for (String key : new String[] {"list/c", "list/a", "other", "list/b"}) {
            store.insert(key, "v");
        }
        ListPage first =
                store.list(ListOptions.builder().prefix("list/").limit(2).build());
        w.write("first " + first.keys() + " more=" + first.nextCursor().isPresent() + "\n");
        ListPage second = store.list(ListOptions.builder()
                .prefix("list/")
                .limit(2)
                .cursor(first.nextCursor().orElseThrow())
                .build());
        w.write("second " + second.keys() + " more=" + second.nextCursor().isPresent() + "\n");
        StringBuilder all = new StringBuilder();
        for (String key :
                store.keys(ListOptions.builder().prefix("list/").limit(1).build())) {
            all.append(key).append(' ');
        }
        w.write("all " + all.toString().trim() + "\n");
        w.write("whole store " + store.list(ListOptions.DEFAULT).keys().size() + "\n");
        try {
            store.list(ListOptions.builder().cursor("not base64!").build());
            w.write("bad cursor accepted\n");
        } catch (KVStoreException e) {
            w.write("bad cursor: " + e.kind() + "\n");
        }
    }

    private static void kvGeneration(ResponseWriter w) {
        KVStore store = KVStore.open("data");
        store.insert(
                "counter",
                new byte[] {'1'},
                KVStore.InsertOptions.builder()
                        .metadata("{\"v\":1}")
                        .ttl(Duration.ofHours(1))
                        .build());
        KVEntry first = store.lookup("counter").orElseThrow();
        long generation = first.generation();
        w.write("first " + first.text() + " " + first.metadata().orElse("-") + "\n");
        try {
            store.insert(
                    "counter",
                    new byte[] {'x'},
                    KVStore.InsertOptions.builder()
                            .ifGenerationMatch(generation + 1)
                            .build());
        } catch (KVStoreException e) {
            w.write("stale generation: " + e.kind() + "\n");
        }
        store.insert(
                "counter",
                new byte[] {'2'},
                KVStore.InsertOptions.builder().ifGenerationMatch(generation).build());
        w.write("now " + store.lookup("counter").map(KVEntry::text).orElse("?") + "\n");
        try {
            store.insert(
                    "counter",
                    new byte[] {'3'},
                    KVStore.InsertOptions.builder().mode(InsertMode.ADD).build());
        } catch (KVStoreException e) {
            w.write("add: " + e.kind() + "\n");
        }
    }

    private static void dynamic(Request request, ResponseWriter w) throws IOException {
        Backend origin = Backend.fromName("origin");
        Backend dyn = Backend.register(
                "dynamic-origin",
                origin.target(),
                BackendOptions.builder()
                        .hostOverride("dynamic.test")
                        .connectTimeout(Duration.ofSeconds(2))
                        .firstByteTimeout(Duration.ofSeconds(20))
                        .betweenBytesTimeout(Duration.ofSeconds(30))
                        .httpKeepaliveTime(Duration.ofSeconds(9))
                        .tcpKeepaliveTime(Duration.ofSeconds(60))
                        .tcpKeepaliveInterval(Duration.ofSeconds(5))
                        .tcpKeepaliveProbes(4)
                        .build());
        w.write("registered " + dyn.name() + " dynamic=" + dyn.isDynamic() + " override="
                + dyn.hostOverride().orElse("-") + " connect="
                + dyn.connectTimeout().map(Duration::toMillis).orElse(-1L)
                + "\n");
        w.write("timeouts " + dyn.firstByteTimeout().map(Duration::getSeconds).orElse(-1L) + "/"
                + dyn.betweenBytesTimeout().map(Duration::getSeconds).orElse(-1L) + " keepalive "
                + dyn.httpKeepaliveTime().map(Duration::getSeconds).orElse(-1L) + " tcp " + dyn.tcpKeepalive() + " "
                + dyn.tcpKeepaliveTime().map(Duration::getSeconds).orElse(-1L) + "/"
                + dyn.tcpKeepaliveInterval().map(Duration::getSeconds).orElse(-1L) + "/"
                + dyn.tcpKeepaliveProbes().orElse(-1) + " ssl " + dyn.isSsl() + " "
                + dyn.sslMinVersion().isPresent() + " " + dyn.sslMaxVersion().isPresent() + " health " + dyn.health()
                + "\n");
        try (Response r = Request.get("http://dynamic.test/via-dynamic").send(dyn)) {
            w.write("origin said: " + r.bodyText());
        }
    }
}
