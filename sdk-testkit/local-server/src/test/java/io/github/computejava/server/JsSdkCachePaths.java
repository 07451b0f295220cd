package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cache paths of Fastly's JavaScript SDK on the local server: {@code SimpleCache} (getOrSet, get, purge),
 * {@code CoreCache} (lookup, insert, transactions), and {@code fetch} with a {@code CacheOverride}, each asserted on
 * what the program answers and on how many requests reached the origin. One program, built twice: without
 * {@code --enable-http-cache} a fetch goes through the host's readthrough cache; with it the SDK drives
 * {@code fastly_http_cache} itself and runs the before- and after-send hooks. Each build is served once for all its
 * tests, in Chicory's interpreter (no compile wait); without {@code js-compute-runtime} the tests are skipped. The
 * tests here are those both builds pass; {@link JsSdkReadthroughCacheTest} and {@link JsSdkHttpCacheTest} run them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JsSdkCachePaths {
    static final String APP =
            """
            /// <reference types="@fastly/js-compute" />
            import { SimpleCache, CoreCache } from 'fastly:cache';
            import { CacheOverride } from 'fastly:cache-override';

            addEventListener('fetch', (event) =>
              event.respondWith(handle(event).catch((e) => new Response('error: ' + e + '\\n' + e.stack, { status: 500 }))));

            function origin(path, init) {
              return fetch('http://origin.example' + path, Object.assign({ backend: 'origin' }, init || {}));
            }

            function describe(entry) {
              const s = entry.state();
              return ['found', 'usable', 'stale', 'mustInsertOrUpdate'].filter((f) => s[f]()).join(' ');
            }

            async function transact(tx, path) {
              if (tx.state().mustInsertOrUpdate()) {
                const text = await (await origin(path)).text();
                const [writer, entry] = tx.insertAndStreamBack({ maxAge: 60000 });
                writer.append(text);
                writer.close();
                return new Response(entry.body(), { headers: { 'x-tx': 'inserted' } });
              }
              return new Response(tx.body(), { headers: { 'x-tx': 'found', 'x-state': describe(tx) } });
            }

            function cacheOverride(q) {
              switch (q('mode')) {
                case 'ttl':
                  return new CacheOverride('override', { ttl: Number(q('ttl')) });
                case 'pass':
                  return new CacheOverride('pass');
                case 'hooks':
                  return new CacheOverride({
                    beforeSend(req) {
                      req.headers.set('x-before-send', 'yes');
                    },
                    afterSend(resp) {
                      resp.headers.set('x-after-send', 'stored');
                      resp.ttl = 120;
                      return { bodyTransformFn: (body) => new TextEncoder().encode(new TextDecoder().decode(body).toUpperCase()) };
                    },
                  });
                case 'uncacheable':
                  return new CacheOverride({ afterSend: () => ({ cache: 'uncacheable' }) });
                default:
                  return undefined;
              }
            }

            async function handle(event) {
              const url = new URL(event.request.url);
              const q = (name) => url.searchParams.get(name);
              const key = q('key');
              switch (url.pathname) {
                case '/simple/get-or-set': {
                  // two fetches at once: the program selects on both pending requests
                  const entry = await SimpleCache.getOrSet(key, async () => {
                    const answers = await Promise.all([origin(q('a')), origin(q('b'))]);
                    const texts = await Promise.all(answers.map((r) => r.text()));
                    return { value: texts.join('+'), ttl: 60 };
                  });
                  return new Response(await entry.text());
                }
                case '/simple/get': {
                  const entry = SimpleCache.get(key);
                  return new Response(entry === null ? 'null' : await entry.text());
                }
                case '/simple/purge':
                  SimpleCache.purge(key, { scope: 'pop' });
                  return new Response('purged');
                case '/core/insert': {
                  const writer = CoreCache.insert(key, {
                    maxAge: Number(q('maxAge') || 60000),
                    initialAge: Number(q('initialAge') || 0),
                    staleWhileRevalidate: Number(q('swr') || 0),
                    userMetadata: q('meta') || '',
                  });
                  writer.append(q('value'));
                  writer.close();
                  return new Response('inserted');
                }
                case '/core/lookup': {
                  const entry = CoreCache.lookup(key);
                  if (entry === null) {
                    return new Response('null');
                  }
                  const headers = {
                    'x-state': describe(entry),
                    'x-meta': new TextDecoder().decode(entry.userMetadata()),
                    'x-length': String(entry.length()),
                  };
                  return new Response(entry.body(), { headers });
                }
                case '/core/tx':
                  return transact(CoreCache.transactionLookup(key), q('path'));
                case '/core/tx-async': {
                  const pending = CoreCache.transactionLookupAsync(key);
                  const waiting = pending.pending();
                  if (q('mark')) {
                    await (await origin(q('mark'))).text();
                  }
                  const resp = await transact(await pending.wait(), q('path'));
                  resp.headers.set('x-was-pending', String(waiting));
                  return resp;
                }
                case '/core/tx-async-timeout': {
                  const pending = CoreCache.transactionLookupAsync(key);
                  try {
                    await pending.wait(Number(q('timeout')));
                    return new Response('resolved');
                  } catch (e) {
                    return new Response('rejected: ' + e.message);
                  }
                }
                case '/core/update': {
                  const tx = CoreCache.transactionLookup(key);
                  const before = describe(tx);
                  tx.update({ maxAge: 60000, userMetadata: q('meta') });
                  return new Response(before);
                }
                case '/core/cancel': {
                  const tx = CoreCache.transactionLookup(key);
                  const before = describe(tx);
                  await (await origin(q('mark'))).text();
                  tx.cancel();
                  return new Response(before);
                }
                case '/fetch': {
                  const resp = await origin(q('path'), { cacheOverride: cacheOverride(q) });
                  return new Response(await resp.text(), {
                    status: resp.status,
                    headers: {
                      'x-cache': resp.headers.get('x-cache') || '-',
                      'x-after-send': resp.headers.get('x-after-send') || '-',
                    },
                  });
                }
                default:
                  return new Response('no such path', { status: 404 });
              }
            }
            """;

    static final Duration WAIT = Duration.ofSeconds(30);

    private final String name;
    private final String[] flags;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private Path dir;
    CountingOrigin origin;
    LocalServer server;

    JsSdkCachePaths(String name, String... flags) {
        this.name = name;
        this.flags = flags;
    }

    @BeforeAll
    void buildAndServe() throws Exception {
        Optional<String> compiler = JsSdk.compiler();
        if (compiler.isEmpty()) {
            // each test then reports itself skipped (an assumption failing here would hide the tests)
            System.err.println(getClass().getSimpleName() + ": " + JsSdk.NO_COMPILER);
            return;
        }
        dir = Files.createTempDirectory("js-cache-" + name);
        Path wasm = JsSdk.build(compiler.get(), dir, name, APP, flags);
        origin = CountingOrigin.start();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        server = LocalServer.builder()
                .program(WasmProgram.load(wasm, WasmProgram.Execution.INTERPRETED))
                .engine(HostEngine.builder()
                        .backend(Backend.builder("origin").url(origin.uri()).build()))
                .address(new InetSocketAddress("127.0.0.1", 0))
                .log(new ServerLog(print, print, 0))
                .build();
        server.start();
    }

    @BeforeEach
    void requireTheProgram() {
        Assumptions.assumeTrue(server != null, JsSdk.NO_COMPILER);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (origin != null) {
            origin.close();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElse("(none)");
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return getAsync(pathAndQuery).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    CompletableFuture<HttpResponse<String>> getAsync(String pathAndQuery) {
        HttpRequest r = HttpRequest.newBuilder(server.uri().resolve(pathAndQuery))
                .timeout(WAIT)
                .build();
        return http.sendAsync(r, HttpResponse.BodyHandlers.ofString());
    }

    /** A body, failing with the server's log when the program did not answer 200. */
    String body(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), () -> r.body() + "\n" + log.toString(StandardCharsets.UTF_8));
        return r.body();
    }

    // the origin's answers are private (the readthrough cache keeps none) unless a test says otherwise
    static String privately(String path) {
        return enc(path + "?cc=private");
    }

    @Test
    void getOrSetRunsItsSetterOnceAndServesTheStoredValue() throws Exception {
        String query = "/simple/get-or-set?key=gos&a=" + privately("/gos/a") + "&b=" + privately("/gos/b");

        assertEquals("/gos/a#1+/gos/b#1", body(get(query)));
        assertEquals("/gos/a#1+/gos/b#1", body(get(query)), "from the cache");

        assertEquals(1, origin.requests("/gos/a"));
        assertEquals(1, origin.requests("/gos/b"));
    }

    @Test
    void getFindsWhatGetOrSetStoredAndPurgeRemovesIt() throws Exception {
        String set = "/simple/get-or-set?key=purged&a=" + privately("/purged/a") + "&b=" + privately("/purged/b");
        assertEquals("null", body(get("/simple/get?key=purged")));
        assertEquals("/purged/a#1+/purged/b#1", body(get(set)));
        assertEquals("/purged/a#1+/purged/b#1", body(get("/simple/get?key=purged")));

        assertEquals("purged", body(get("/simple/purge?key=purged")));

        assertEquals("null", body(get("/simple/get?key=purged")));
        assertEquals("/purged/a#2+/purged/b#2", body(get(set)), "the setter runs again");
    }

    @Test
    void getOrSetCollapsesConcurrentClientsOntoOneSetter() throws Exception {
        String query =
                "/simple/get-or-set?key=collapsed&a=" + privately("/gate/gos") + "&b=" + privately("/collapsed/b");
        CompletableFuture<HttpResponse<String>> first = getAsync(query);
        assertTrue(origin.awaitRequests("/gate/gos", 1, WAIT), "the first client's setter reached the origin");
        CompletableFuture<HttpResponse<String>> second = getAsync(query);
        assertTrue(
                server.engine().cacheStore().awaitWaitingLookups(1, WAIT), "the second client waits behind the first");

        origin.open("/gate/gos");

        assertEquals("/gate/gos#1+/collapsed/b#1", body(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        assertEquals("/gate/gos#1+/collapsed/b#1", body(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        assertEquals(1, origin.requests("/gate/gos"));
    }

    @Test
    void coreCacheInsertIsFoundByLookupWithItsMetadata() throws Exception {
        assertEquals("null", body(get("/core/lookup?key=core")));
        assertEquals("inserted", body(get("/core/insert?key=core&value=hello&meta=m1")));

        HttpResponse<String> found = get("/core/lookup?key=core");
        assertEquals("hello", body(found));
        assertEquals("found usable", header(found, "x-state"));
        assertEquals("m1", header(found, "x-meta"));
        assertEquals("5", header(found, "x-length"));
    }

    @Test
    void aCoreCacheTransactionInsertsOnceAndFindsAfterwards() throws Exception {
        String query = "/core/tx?key=tx&path=" + privately("/tx");

        HttpResponse<String> first = get(query);
        assertEquals("/tx#1", body(first));
        assertEquals("inserted", header(first, "x-tx"));
        HttpResponse<String> second = get(query);
        assertEquals("/tx#1", body(second));
        assertEquals("found", header(second, "x-tx"));

        assertEquals(1, origin.requests("/tx"));
    }

    @Test
    void anAsyncTransactionLookupWaitsForTheLeaderAndFindsWhatItInserted() throws Exception {
        CompletableFuture<HttpResponse<String>> leader = getAsync("/core/tx?key=async&path=" + privately("/gate/tx"));
        assertTrue(origin.awaitRequests("/gate/tx", 1, WAIT), "the leader holds the obligation");
        CompletableFuture<HttpResponse<String>> follower =
                getAsync("/core/tx-async?key=async&path=" + privately("/never") + "&mark=" + privately("/mark"));
        assertTrue(origin.awaitRequests("/mark", 1, WAIT), "the follower looked up and is about to wait");

        origin.open("/gate/tx");

        HttpResponse<String> led = leader.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("/gate/tx#1", body(led));
        assertEquals("inserted", header(led, "x-tx"));
        HttpResponse<String> followed = follower.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("/gate/tx#1", body(followed));
        assertEquals("found", header(followed, "x-tx"));
        assertEquals("true", header(followed, "x-was-pending"), "its lookup was pending behind the leader");
        assertEquals(0, origin.requests("/never"));
    }

    @Test
    void anAsyncTransactionLookupGivesUpAfterItsTimeout() throws Exception {
        CompletableFuture<HttpResponse<String>> leader =
                getAsync("/core/tx?key=timed&path=" + privately("/gate/timed"));
        assertTrue(origin.awaitRequests("/gate/timed", 1, WAIT), "the leader holds the obligation");

        // the SDK's words: "Timed out waiting for the cache transaction lookup to resolve"
        String answer = body(get("/core/tx-async-timeout?key=timed&timeout=100"));
        assertTrue(answer.startsWith("rejected: ") && answer.toLowerCase().contains("timed out"), answer);

        origin.open("/gate/timed");
        assertEquals("/gate/timed#1", body(leader.get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        HttpResponse<String> after = get("/core/tx?key=timed&path=" + privately("/never"));
        assertEquals("/gate/timed#1", body(after));
        assertEquals("found", header(after, "x-tx"));
    }

    @Test
    void aCancelledTransactionPassesTheObligationToTheNextWaiter() throws Exception {
        CompletableFuture<HttpResponse<String>> canceller =
                getAsync("/core/cancel?key=cancelled&mark=" + privately("/gate/cancel"));
        assertTrue(origin.awaitRequests("/gate/cancel", 1, WAIT), "the first lookup holds the obligation");
        CompletableFuture<HttpResponse<String>> waiter = getAsync("/core/tx?key=cancelled&path=" + privately("/next"));
        assertTrue(server.engine().cacheStore().awaitWaitingLookups(1, WAIT), "the second waits behind it");

        origin.open("/gate/cancel");

        assertEquals("mustInsertOrUpdate", body(canceller.get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        HttpResponse<String> next = waiter.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("/next#1", body(next));
        assertEquals("inserted", header(next, "x-tx"), "the obligation passed to the waiter");
    }

    @Test
    void aTransactionUpdatesAStaleEntry() throws Exception {
        // 1 s fresh, 2 s old, 60 s stale-while-revalidate: usable but stale at once
        body(get("/core/insert?key=stale&value=old&maxAge=1000&initialAge=2000&swr=60000&meta=before"));
        assertEquals("found usable stale", header(get("/core/lookup?key=stale"), "x-state"));

        assertEquals("found usable stale mustInsertOrUpdate", body(get("/core/update?key=stale&meta=after")));

        HttpResponse<String> updated = get("/core/lookup?key=stale");
        assertEquals("old", body(updated), "an update keeps the body");
        assertEquals("found usable", header(updated, "x-state"), "fresh again");
        assertEquals("after", header(updated, "x-meta"));
    }

    @Test
    void fetchCachesWhatTheOriginAllows() throws Exception {
        String path = enc("/allowed?cc=" + enc("max-age=60"));
        HttpResponse<String> first = get("/fetch?path=" + path);
        assertEquals("/allowed#1", body(first));
        assertEquals("MISS", header(first, "x-cache"));
        HttpResponse<String> second = get("/fetch?path=" + path);
        assertEquals("/allowed#1", body(second));
        assertEquals("HIT", header(second, "x-cache"));
        assertEquals(1, origin.requests("/allowed"));
    }

    @Test
    void aRefetchOfAnExpiredObjectGoesToTheOrigin() throws Exception {
        // max-age=0: stored, and expired at once; the next fetch goes to the origin again
        String path = enc("/expired?cc=" + enc("max-age=0"));
        HttpResponse<String> first = get("/fetch?path=" + path);
        assertEquals("/expired#1", body(first));
        assertEquals("MISS", header(first, "x-cache"));
        HttpResponse<String> second = get("/fetch?path=" + path);
        assertEquals("/expired#2", body(second));
        assertEquals(2, origin.requests("/expired"), "the object was refetched, not served from the cache");
    }

    @Test
    void aTtlOverrideStoresWhatTheOriginMarkedStale() throws Exception {
        String path = enc("/ttl?cc=" + enc("max-age=0"));
        HttpResponse<String> first = get("/fetch?mode=ttl&ttl=60&path=" + path);
        assertEquals("/ttl#1", body(first));
        assertEquals("MISS", header(first, "x-cache"));
        HttpResponse<String> second = get("/fetch?mode=ttl&ttl=60&path=" + path);
        assertEquals("/ttl#1", body(second));
        assertEquals("HIT", header(second, "x-cache"));
        assertEquals(1, origin.requests("/ttl"));
    }

    @Test
    void aPassOverrideGoesToTheOriginEveryTime() throws Exception {
        String path = enc("/passed?cc=" + enc("max-age=60"));
        assertEquals("/passed#1", body(get("/fetch?mode=pass&path=" + path)));
        assertEquals("/passed#2", body(get("/fetch?mode=pass&path=" + path)));
        assertEquals(2, origin.requests("/passed"));
    }
}
