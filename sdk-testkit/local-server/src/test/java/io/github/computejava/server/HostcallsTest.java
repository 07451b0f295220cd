package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.DownstreamExchange;
import io.github.computejava.host.DownstreamRequest;
import io.github.computejava.host.DownstreamSource;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Hostcalls beyond the basics, called through guest memory as a program calls them. */
class HostcallsTest {
    static final int H = 0; // out: handle
    static final int H2 = 4; // out: second handle
    static final int H3 = 8;
    static final int COUNT = 12;
    static final int U64 = 16;
    static final int DETAIL = 32; // send_error_detail (20 bytes)
    static final int LIST = 64;
    static final int NAME = 1024;
    static final int TEXT = 2048;
    static final int BUF = 8192;

    private final CountDownLatch release = new CountDownLatch(1);

    private HostEngine engineWith(io.github.computejava.host.backend.Origin origin) {
        return HostEngine.builder()
                .backend(Backend.builder("slow").url("http://slow.example/").build())
                .backend(Backend.builder("fast").url("http://fast.example/").build())
                .backend(Backend.builder("broken").url("http://broken.example/").build())
                .origin(origin)
                .build();
    }

    private UpstreamResponse answer(Backend backend, RequestHead head, BodyBuffer body) throws SendFailure {
        if (backend.name().equals("broken")) {
            throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, "refused");
        }
        if (backend.name().equals("slow")) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        HeaderList h = new HeaderList();
        h.append("X-Backend", backend.name());
        return new UpstreamResponse(
                new ResponseHead(200, h), BodyBuffer.of(backend.name().getBytes(StandardCharsets.UTF_8)));
    }

    private int sendAsync(GuestHarness g, String backend) {
        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "new", H));
        int req = g.u32(H);
        // a URL per backend: requests for one URL would be collapsed by the readthrough cache
        int uriLen = g.put(TEXT, "http://example.com/" + backend);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "uri_set", req, TEXT, uriLen));
        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "new", H2));
        int body = g.u32(H2);
        int len = g.put(NAME, backend);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "send_async", req, body, NAME, len, H3));
        return g.u32(H3);
    }

    private String readBody(GuestHarness g, int body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (g.call("fastly_http_body", "read", body, BUF, 4096, COUNT) == FastlyStatus.OK && g.u32(COUNT) > 0) {
            out.writeBytes(g.bytes(BUF, g.u32(COUNT)));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pendingRequestsArePolledSelectedAndWaitedOn() {
        GuestHarness g = new GuestHarness(engineWith(this::answer));
        int slow = sendAsync(g, "slow");
        int fast = sendAsync(g, "fast");

        // select among both: the fast one wins, the slow one stays pending
        g.memory.u32(LIST, slow);
        g.memory.u32(LIST + 4, fast);
        assertEquals(
                FastlyStatus.OK, g.call("fastly_http_req", "pending_req_select_v2", LIST, 2, DETAIL, COUNT, H, H2));
        assertEquals(1, g.u32(COUNT), "index of the fast request");
        assertEquals("fast", readBody(g, g.u32(H2)));

        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "pending_req_poll", slow, COUNT, H, H2));
        assertEquals(0, g.u32(COUNT), "not done yet");
        assertEquals(FastlyStatus.INVALID_HANDLE, g.u32(H));

        release.countDown();
        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "pending_req_wait_v2", slow, DETAIL, H, H2));
        assertEquals(1, g.u32(DETAIL), "send_error_detail_tag ok");
        assertEquals("slow", readBody(g, g.u32(H2)));
        int resp = g.u32(H);
        int nameLen = g.put(NAME, "x-backend");
        assertEquals(
                FastlyStatus.OK, g.call("fastly_http_resp", "header_value_get", resp, NAME, nameLen, BUF, 100, COUNT));
        assertEquals("slow", new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));
        assertEquals(FastlyStatus.BADF, g.call("fastly_http_req", "pending_req_wait", slow, H, H2), "consumed");
    }

    @Test
    void theFirstVersionsOfPollAndSelectReportAFailedRequestAsDoneWithoutHandles() {
        GuestHarness g = new GuestHarness(engineWith(this::answer));

        int selected = sendAsync(g, "broken");
        g.memory.u32(LIST, selected);
        g.memory.u32(H, 77);
        g.memory.u32(H2, 77);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "pending_req_select", LIST, 1, COUNT, H, H2));
        assertEquals(0, g.u32(COUNT), "index of the failed request");
        assertEquals(FastlyStatus.INVALID_HANDLE, g.u32(H));
        assertEquals(FastlyStatus.INVALID_HANDLE, g.u32(H2));

        int polled = sendAsync(g, "broken");
        g.memory.u32(LIST, polled);
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "select", LIST, 1, 0, COUNT), "wait until done");
        g.memory.u32(H, 77);
        g.memory.u32(H2, 77);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "pending_req_poll", polled, COUNT, H, H2));
        assertEquals(1, g.u32(COUNT), "done");
        assertEquals(FastlyStatus.INVALID_HANDLE, g.u32(H));
        assertEquals(FastlyStatus.INVALID_HANDLE, g.u32(H2));

        // the second versions report the failure, with its detail
        int polledV2 = sendAsync(g, "broken");
        g.memory.u32(LIST, polledV2);
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "select", LIST, 1, 0, COUNT));
        assertEquals(
                FastlyStatus.ERROR, g.call("fastly_http_req", "pending_req_poll_v2", polledV2, DETAIL, COUNT, H, H2));
        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, g.u32(DETAIL));
        int selectedV2 = sendAsync(g, "broken");
        g.memory.u32(LIST, selectedV2);
        assertEquals(
                FastlyStatus.ERROR, g.call("fastly_http_req", "pending_req_select_v2", LIST, 1, DETAIL, COUNT, H, H2));
        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, g.u32(DETAIL));
    }

    @Test
    void aFailedSendReportsItsTagInTheErrorDetail() {
        GuestHarness g = new GuestHarness(engineWith(this::answer));
        g.call("fastly_http_req", "new", H);
        int req = g.u32(H);
        g.call("fastly_http_body", "new", H2);
        int len = g.put(NAME, "broken");

        int status = g.call("fastly_http_req", "send_v2", req, g.u32(H2), NAME, len, DETAIL, H, H2);

        assertEquals(FastlyStatus.ERROR, status);
        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, g.u32(DETAIL));

        g.call("fastly_http_req", "new", H);
        g.call("fastly_http_body", "new", H2);
        int unknown = g.put(NAME, "nowhere");
        assertEquals(
                FastlyStatus.INVAL,
                g.call("fastly_http_req", "send_v2", g.u32(H), g.u32(H2), NAME, unknown, DETAIL, H, H2));
        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_DESTINATION_NOT_FOUND, g.u32(DETAIL));
    }

    @Test
    void asyncIoSelectWaitsForTheFirstReadyHandleOrTheTimeout() {
        GuestHarness g = new GuestHarness(engineWith(this::answer));
        int slow = sendAsync(g, "slow");
        g.memory.u32(LIST, slow);

        long start = System.nanoTime();
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "select", LIST, 1, 100, COUNT));
        assertEquals(-1, g.u32(COUNT), "u32::MAX on timeout");
        assertTrue((System.nanoTime() - start) >= 90_000_000L, "waited for the timeout");

        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "is_ready", slow, COUNT));
        assertEquals(0, g.u32(COUNT));
        release.countDown();
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "select", LIST, 1, 5000, COUNT));
        assertEquals(0, g.u32(COUNT));
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "is_ready", slow, COUNT));
        assertEquals(1, g.u32(COUNT));
        assertEquals(FastlyStatus.INVAL, g.call("fastly_async_io", "select", LIST, 0, 0, COUNT), "nothing to wait on");
        assertEquals(FastlyStatus.BADF, g.call("fastly_async_io", "is_ready", 9999, COUNT));
    }

    private static void assertReady(GuestHarness g, int handle, String kind) {
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "is_ready", handle, COUNT), kind);
        assertEquals(1, g.u32(COUNT), kind + " is ready");
        g.memory.u32(LIST, handle);
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "select", LIST, 1, 0, COUNT), kind);
        assertEquals(0, g.u32(COUNT), kind + " is selected");
    }

    @Test
    void asyncIoWaitsOnEveryHandleKindTheWitxNames() {
        HostEngine engine = HostEngine.builder()
                .kvStore("kv", Map.of("k", "v".getBytes(StandardCharsets.UTF_8)))
                .build();
        GuestHarness g = new GuestHarness(engine);
        int zeros = 16384; // option records with every field zero
        int key = g.put(NAME, "a key");

        g.call("fastly_http_body", "new", H);
        assertReady(g, g.u32(H), "a body");

        int store = g.put(TEXT, "kv");
        g.call("fastly_kv_store", "open", TEXT, store, H);
        int k = g.put(TEXT + 100, "k");
        assertEquals(FastlyStatus.OK, g.call("fastly_kv_store", "lookup", g.u32(H), TEXT + 100, k, 0, zeros, H2));
        assertReady(g, g.u32(H2), "a KV store lookup");

        assertEquals(FastlyStatus.OK, g.call("fastly_cache", "lookup", NAME, key, 0, zeros, H));
        assertReady(g, g.u32(H), "a cache handle");
        assertEquals(FastlyStatus.OK, g.call("fastly_cache", "transaction_lookup", NAME, key, 0, zeros, H));
        int obligated = g.u32(H);
        assertReady(g, obligated, "a cache handle that must insert");
        assertEquals(FastlyStatus.OK, g.call("fastly_cache", "close", obligated));
        int other = g.put(NAME + 100, "another key");
        assertEquals(FastlyStatus.OK, g.call("fastly_cache", "replace", NAME + 100, other, 0, zeros, H));
        assertReady(g, g.u32(H), "a cache replace handle");

        g.call("fastly_http_req", "new", H);
        int req = g.u32(H);
        int uri = g.put(TEXT, "http://example.com/cached");
        g.call("fastly_http_req", "uri_set", req, TEXT, uri);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_cache", "lookup", req, 0, zeros, H));
        assertReady(g, g.u32(H), "an HTTP cache handle");

        g.call("fastly_kv_store", "open", TEXT + 200, g.put(TEXT + 200, "kv"), H);
        assertEquals(FastlyStatus.BADF, g.call("fastly_async_io", "is_ready", g.u32(H), COUNT), "a store is not");
    }

    @Test
    void aBusyHandleBecomesReadyWhenTheLookupItWaitsBehindEnds() {
        HostEngine engine = HostEngine.builder().build();
        GuestHarness leader = new GuestHarness(engine);
        GuestHarness follower = new GuestHarness(engine);
        int zeros = 16384;
        int key = leader.put(NAME, "collapsed");
        follower.put(NAME, "collapsed");
        assertEquals(FastlyStatus.OK, leader.call("fastly_cache", "transaction_lookup", NAME, key, 0, zeros, H));
        int obligated = leader.u32(H);

        assertEquals(
                FastlyStatus.OK, follower.call("fastly_cache", "transaction_lookup_async", NAME, key, 0, zeros, H));
        int busy = follower.u32(H);
        assertEquals(FastlyStatus.OK, follower.call("fastly_async_io", "is_ready", busy, COUNT));
        assertEquals(0, follower.u32(COUNT), "the leader holds the obligation");
        follower.memory.u32(LIST, busy);
        assertEquals(FastlyStatus.OK, follower.call("fastly_async_io", "select", LIST, 1, 20, COUNT));
        assertEquals(-1, follower.u32(COUNT), "still waiting when the timeout passes");
        follower.call("fastly_http_body", "new", H2);
        follower.memory.u32(LIST + 4, follower.u32(H2));
        assertEquals(FastlyStatus.OK, follower.call("fastly_async_io", "select", LIST, 2, 0, COUNT));
        assertEquals(1, follower.u32(COUNT), "among a busy handle and a body, the body is ready");

        // the leader inserts: the waiting lookup finds the object
        int write = 20000;
        leader.memory.u64(write, 60_000_000_000L);
        assertEquals(FastlyStatus.OK, leader.call("fastly_cache", "transaction_insert", obligated, 0, write, H));
        int body = leader.u32(H);
        int v = leader.put(TEXT, "from the leader");
        leader.call("fastly_http_body", "write", body, TEXT, v, 0, COUNT);
        assertEquals(FastlyStatus.OK, leader.call("fastly_http_body", "close", body));

        assertEquals(FastlyStatus.OK, follower.call("fastly_async_io", "select", LIST, 1, 5000, COUNT));
        assertEquals(0, follower.u32(COUNT), "ready once the leader inserted");
        assertEquals(FastlyStatus.OK, follower.call("fastly_cache", "cache_busy_handle_wait", busy, H));
        int found = follower.u32(H);
        assertEquals(FastlyStatus.OK, follower.call("fastly_cache", "get_state", found, COUNT));
        assertEquals(0b11, follower.u32(COUNT) & 0b1011, "found and usable, no obligation");
        assertEquals(FastlyStatus.OK, follower.call("fastly_cache", "get_body", found, 0, zeros, H2));
        assertEquals("from the leader", readBody(follower, follower.u32(H2)));
    }

    @Test
    void aCachedBodyIsReadyWhenBytesOrItsEndHaveArrived() {
        GuestHarness g = new GuestHarness(HostEngine.builder().build());
        int zeros = 16384;
        int key = g.put(NAME, "streamed");
        int write = 20000;
        g.memory.u64(write, 60_000_000_000L);
        assertEquals(FastlyStatus.OK, g.call("fastly_cache", "insert", NAME, key, 0, write, H));
        int writer = g.u32(H);
        assertEquals(FastlyStatus.OK, g.call("fastly_cache", "lookup", NAME, key, 0, zeros, H));
        assertEquals(FastlyStatus.OK, g.call("fastly_cache", "get_body", g.u32(H), 0, zeros, H2));
        int reader = g.u32(H2);
        g.memory.u32(LIST, reader);
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "select", LIST, 1, 20, COUNT));
        assertEquals(-1, g.u32(COUNT), "nothing written yet");

        int v = g.put(TEXT, "first");
        g.call("fastly_http_body", "write", writer, TEXT, v, 0, COUNT);
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "select", LIST, 1, 5000, COUNT));
        assertEquals(0, g.u32(COUNT), "bytes arrived");
        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "read", reader, BUF, 100, COUNT));
        assertEquals("first", new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));
        g.call("fastly_async_io", "is_ready", reader, COUNT);
        assertEquals(0, g.u32(COUNT), "read up to what was written");

        g.call("fastly_http_body", "close", writer);
        assertEquals(FastlyStatus.OK, g.call("fastly_async_io", "select", LIST, 1, 5000, COUNT));
        assertEquals(0, g.u32(COUNT), "the end arrived");
        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "read", reader, BUF, 100, COUNT));
        assertEquals(0, g.u32(COUNT), "end of body");
    }

    @Test
    void aBusyHandleTakesTheObligationTheLeaderAbandons() {
        HostEngine engine = HostEngine.builder().build();
        GuestHarness leader = new GuestHarness(engine);
        GuestHarness follower = new GuestHarness(engine);
        int zeros = 16384;
        int key = leader.put(NAME, "abandoned");
        follower.put(NAME, "abandoned");
        leader.call("fastly_cache", "transaction_lookup", NAME, key, 0, zeros, H);
        int obligated = leader.u32(H);
        follower.call("fastly_cache", "transaction_lookup_async", NAME, key, 0, zeros, H);
        int busy = follower.u32(H);
        follower.call("fastly_async_io", "is_ready", busy, COUNT);
        assertEquals(0, follower.u32(COUNT));

        assertEquals(FastlyStatus.OK, leader.call("fastly_cache", "close", obligated));

        follower.memory.u32(LIST, busy);
        assertEquals(FastlyStatus.OK, follower.call("fastly_async_io", "select", LIST, 1, 5000, COUNT));
        assertEquals(0, follower.u32(COUNT));
        assertEquals(FastlyStatus.OK, follower.call("fastly_cache", "cache_busy_handle_wait", busy, H));
        assertEquals(FastlyStatus.OK, follower.call("fastly_cache", "get_state", follower.u32(H), COUNT));
        assertEquals(1 << 3, follower.u32(COUNT), "must insert: the obligation passed to the waiting lookup");
    }

    @Test
    void sendDownstreamPendingAnswersWithTheResponseAndItsQueuedHeaderEdits() throws Exception {
        GuestHarness g = new GuestHarness(engineWith(this::answer));
        int fast = sendAsync(g, "fast");
        int n = g.put(NAME, "x-added");
        int v = g.put(TEXT, "yes");
        assertEquals(
                FastlyStatus.OK, g.call("fastly_http_req", "pending_req_header_insert", fast, NAME, n, TEXT, v, 1));
        int e = g.put(NAME + 100, "x-error-only");
        g.call("fastly_http_req", "pending_req_header_insert", fast, NAME + 100, e, TEXT, v, 2);

        assertEquals(FastlyStatus.OK, g.call("fastly_http_resp", "send_downstream_pending", fast));

        assertEquals(200, g.sentHead.status());
        assertEquals("yes", g.sentHead.headers().first("x-added"));
        assertEquals(null, g.sentHead.headers().first("x-error-only"));
        assertEquals("fast", new String(g.sentBody.readAll(), StandardCharsets.UTF_8));
    }

    @Test
    void gzipResponsesAreDecompressedWhenAsked() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
            z.write("inflated text".getBytes(StandardCharsets.UTF_8));
        }
        GuestHarness g = new GuestHarness(engineWith((backend, head, body) -> {
            HeaderList h = new HeaderList();
            h.append("Content-Encoding", "gzip");
            h.append("Content-Length", Integer.toString(zipped.size()));
            return new UpstreamResponse(new ResponseHead(200, h), BodyBuffer.of(zipped.toByteArray()));
        }));
        g.call("fastly_http_req", "new", H);
        int req = g.u32(H);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "auto_decompress_response_set", req, 1));
        g.call("fastly_http_body", "new", H2);
        int len = g.put(NAME, "fast");

        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "send", req, g.u32(H2), NAME, len, H, H2));

        assertEquals("inflated text", readBody(g, g.u32(H2)));
        int nameLen = g.put(NAME, "content-encoding");
        assertEquals(
                FastlyStatus.NONE,
                g.call("fastly_http_resp", "header_value_get", g.u32(H), NAME, nameLen, BUF, 100, COUNT));
    }

    @Test
    void dynamicBackendsAreRegisteredAndDescribed() {
        GuestHarness g = new GuestHarness(engineWith(this::answer));
        int name = g.put(NAME, "dyn");
        int target = g.put(TEXT, "api.example.com:8443");
        int config = 4096;
        int host = g.put(TEXT + 100, "virtual.example.com");
        g.memory.u32(config, TEXT + 100);
        g.memory.u32(config + 4, host);
        g.memory.u32(config + 12, 1500);
        int mask = (1 << 1) | (1 << 3) | (1 << 5); // host_override, first_byte_timeout, use_ssl

        assertEquals(
                FastlyStatus.OK,
                g.call("fastly_http_req", "register_dynamic_backend", NAME, name, TEXT, target, mask, config));
        assertEquals(
                FastlyStatus.ERROR,
                g.call("fastly_http_req", "register_dynamic_backend", NAME, name, TEXT, target, mask, config),
                "the name is taken");

        assertEquals(FastlyStatus.OK, g.call("fastly_backend", "is_dynamic", NAME, name, COUNT));
        assertEquals(1, g.u32(COUNT));
        assertEquals(FastlyStatus.OK, g.call("fastly_backend", "is_ssl", NAME, name, COUNT));
        assertEquals(1, g.u32(COUNT));
        assertEquals(FastlyStatus.OK, g.call("fastly_backend", "get_port", NAME, name, COUNT));
        assertEquals(8443, g.u32(COUNT) & 0xFFFF);
        assertEquals(FastlyStatus.OK, g.call("fastly_backend", "get_first_byte_timeout_ms", NAME, name, COUNT));
        assertEquals(1500, g.u32(COUNT));
        assertEquals(FastlyStatus.OK, g.call("fastly_backend", "get_host", NAME, name, BUF, 100, COUNT));
        assertEquals("api.example.com", new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));
        assertEquals(FastlyStatus.OK, g.call("fastly_backend", "get_override_host", NAME, name, BUF, 100, COUNT));
        assertEquals("virtual.example.com", new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));
        assertEquals(FastlyStatus.BUFLEN, g.call("fastly_backend", "get_override_host", NAME, name, BUF, 3, COUNT));
        assertEquals(19, g.u32(COUNT));

        int fast = g.put(NAME + 100, "fast");
        assertEquals(FastlyStatus.OK, g.call("fastly_backend", "is_dynamic", NAME + 100, fast, COUNT));
        assertEquals(0, g.u32(COUNT));
        assertEquals(
                FastlyStatus.NONE, g.call("fastly_backend", "get_override_host", NAME + 100, fast, BUF, 100, COUNT));
        int none = g.put(NAME + 200, "none");
        assertEquals(FastlyStatus.INVAL, g.call("fastly_backend", "is_ssl", NAME + 200, none, COUNT));
        assertEquals(FastlyStatus.OK, g.call("fastly_backend", "exists", NAME + 200, none, COUNT));
        assertEquals(0, g.u32(COUNT));
    }

    @Test
    void kvStoresKeepValuesMetadataAndGenerationsAndListKeys() {
        GuestHarness g = new GuestHarness(HostEngine.builder()
                .kvStore("kv", Map.of("seeded", "v0".getBytes(StandardCharsets.UTF_8)))
                .build());
        int store = g.put(NAME, "kv");
        assertEquals(FastlyStatus.OK, g.call("fastly_kv_store", "open", NAME, store, H));
        int kv = g.u32(H);

        // insert with metadata (mask bit 3), config record at 4096
        g.call("fastly_http_body", "new", H2);
        int body = g.u32(H2);
        int v = g.put(TEXT, "value");
        g.call("fastly_http_body", "write", body, TEXT, v, 0, COUNT);
        int cfg = 4096;
        int meta = g.put(TEXT + 100, "meta");
        g.memory.u32(cfg, 0);
        g.memory.u32(cfg + 8, TEXT + 100);
        g.memory.u32(cfg + 12, meta);
        int key = g.put(NAME + 100, "fresh");
        assertEquals(FastlyStatus.OK, g.call("fastly_kv_store", "insert", kv, NAME + 100, key, body, 1 << 3, cfg, H3));
        assertEquals(FastlyStatus.OK, g.call("fastly_kv_store", "insert_wait", g.u32(H3), COUNT));
        assertEquals(1, g.u32(COUNT), "kv_error ok");

        assertEquals(FastlyStatus.OK, g.call("fastly_kv_store", "lookup", kv, NAME + 100, key, 0, cfg, H3));
        assertEquals(
                FastlyStatus.OK,
                g.call("fastly_kv_store", "lookup_wait_v2", g.u32(H3), H2, BUF, 100, COUNT, U64, H3 + 16));
        assertEquals(1, g.u32(H3 + 16), "kv_error ok");
        assertEquals("meta", new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));
        assertTrue(g.u64(U64) > 0, "a generation");
        assertEquals("value", readBody(g, g.u32(H2)));

        int missing = g.put(NAME + 200, "missing");
        g.call("fastly_kv_store", "lookup", kv, NAME + 200, missing, 0, cfg, H3);
        assertEquals(
                FastlyStatus.OK,
                g.call("fastly_kv_store", "lookup_wait_v2", g.u32(H3), H2, BUF, 100, COUNT, U64, H3 + 16));
        assertEquals(3, g.u32(H3 + 16), "kv_error not_found");

        int bad = g.put(NAME + 300, "a#b");
        assertEquals(FastlyStatus.INVAL, g.call("fastly_kv_store", "lookup", kv, NAME + 300, bad, 0, cfg, H3));

        g.memory.u32(cfg + 12, 1); // limit 1
        assertEquals(FastlyStatus.OK, g.call("fastly_kv_store", "list", kv, 1 << 2, cfg, H3));
        assertEquals(FastlyStatus.OK, g.call("fastly_kv_store", "list_wait", g.u32(H3), H2, COUNT));
        String page = readBody(g, g.u32(H2));
        assertTrue(page.startsWith("{\"data\":[\"fresh\"],\"meta\":{\"limit\":1,\"next_cursor\":"), page);

        assertEquals(FastlyStatus.OK, g.call("fastly_kv_store", "delete", kv, NAME + 100, key, 0, cfg, H3));
        assertEquals(FastlyStatus.OK, g.call("fastly_kv_store", "delete_wait", g.u32(H3), COUNT));
        assertEquals(1, g.u32(COUNT));
        g.call("fastly_kv_store", "delete", kv, NAME + 100, key, 0, cfg, H3);
        g.call("fastly_kv_store", "delete_wait", g.u32(H3), COUNT);
        assertEquals(3, g.u32(COUNT), "already gone");

        int unknown = g.put(NAME + 400, "nope");
        assertEquals(FastlyStatus.INVAL, g.call("fastly_kv_store", "open", NAME + 400, unknown, H));
    }

    @Test
    void secretsAreOpenedByStoreAndName() {
        GuestHarness g = new GuestHarness(HostEngine.builder()
                .secretStore("vault", Map.of("token", "s3cr3t".getBytes(StandardCharsets.UTF_8)))
                .build());
        int store = g.put(NAME, "vault");
        assertEquals(FastlyStatus.OK, g.call("fastly_secret_store", "open", NAME, store, H));
        int key = g.put(NAME + 100, "token");
        assertEquals(FastlyStatus.OK, g.call("fastly_secret_store", "get", g.u32(H), NAME + 100, key, H2));
        assertEquals(FastlyStatus.OK, g.call("fastly_secret_store", "plaintext", g.u32(H2), BUF, 100, COUNT));
        assertEquals("s3cr3t", new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));
        int other = g.put(NAME + 200, "other");
        assertEquals(FastlyStatus.NONE, g.call("fastly_secret_store", "get", g.u32(H), NAME + 200, other, H2));
        assertEquals(FastlyStatus.NONE, g.call("fastly_secret_store", "open", NAME + 200, other, H));
    }

    @Test
    void geolocationAnswersJsonForLoopbackAndNoneOtherwise() {
        GuestHarness g = new GuestHarness();
        g.put(NAME, new byte[] {127, 0, 0, 1});
        assertEquals(FastlyStatus.OK, g.call("fastly_geo", "lookup", NAME, 4, BUF, 4096, COUNT));
        String json = new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"city\":\"San Francisco\""), json);
        g.put(NAME, new byte[] {(byte) 192, 0, 2, 1});
        assertEquals(FastlyStatus.NONE, g.call("fastly_geo", "lookup", NAME, 4, BUF, 4096, COUNT));
        assertEquals(FastlyStatus.INVAL, g.call("fastly_geo", "lookup", NAME, 5, BUF, 4096, COUNT));
    }

    @Test
    void theRateLimiterCountsAndBlocksOnTheEnginesClock() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
        InstantSource clock = now::get;
        GuestHarness g = new GuestHarness(HostEngine.builder().clock(clock).build());
        int rc = g.put(NAME, "rc");
        int entry = g.put(NAME + 100, "client-1");
        int pb = g.put(NAME + 200, "box");
        for (int i = 0; i < 5; i++) {
            // check_rate(rc, entry, delta 1, window 1 s, limit 3/s, pb, ttl 60 s)
            g.call("fastly_erl", "check_rate", NAME, rc, NAME + 100, entry, 1, 1, 3, NAME + 200, pb, 60, COUNT);
        }
        assertEquals(1, g.u32(COUNT), "blocked after exceeding 3 per second");
        assertEquals(FastlyStatus.OK, g.call("fastly_erl", "penaltybox_has", NAME + 200, pb, NAME + 100, entry, COUNT));
        assertEquals(1, g.u32(COUNT));
        assertEquals(
                FastlyStatus.OK,
                g.call("fastly_erl", "ratecounter_lookup_count", NAME, rc, NAME + 100, entry, 10, COUNT));
        assertEquals(4, g.u32(COUNT), "the fifth check was blocked before counting");

        now.set(now.get().plus(Duration.ofSeconds(61)));
        g.call("fastly_erl", "penaltybox_has", NAME + 200, pb, NAME + 100, entry, COUNT);
        assertEquals(0, g.u32(COUNT), "released after the ttl");
        assertEquals(
                FastlyStatus.INVAL,
                g.call("fastly_erl", "ratecounter_lookup_rate", NAME, rc, NAME + 100, entry, 7, COUNT));
    }

    @Test
    void trailersArePassedAlongWithTheBody() {
        GuestHarness g = new GuestHarness();
        g.call("fastly_http_body", "new", H);
        int body = g.u32(H);
        int n = g.put(NAME, "x-checksum");
        int v = g.put(TEXT, "abc");
        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "trailer_append", body, NAME, n, TEXT, v));
        int w = g.put(TEXT + 100, "payload");
        g.call("fastly_http_body", "write", body, TEXT + 100, w, 0, COUNT);
        assertEquals(
                FastlyStatus.AGAIN,
                g.call("fastly_http_body", "trailer_value_get", body, NAME, n, BUF, 100, COUNT),
                "trailers come after the last byte");

        assertEquals("payload", readBody(g, body));

        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "trailer_value_get", body, NAME, n, BUF, 100, COUNT));
        assertEquals("abc", new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));
        assertEquals(FastlyStatus.OK, g.call("fastly_http_body", "trailer_names_get", body, BUF, 100, 0, U64, COUNT));
        assertEquals("x-checksum\0", new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));
    }

    @Test
    void sendDownstreamRefusesAnInformationalStatusOtherThan103AndKeepsTheHandles() {
        GuestHarness g = new GuestHarness();
        g.call("fastly_http_resp", "new", H);
        int resp = g.u32(H);
        g.call("fastly_http_body", "new", H2);
        int body = g.u32(H2);
        for (int status : new int[] {100, 101, 102, 199}) {
            assertEquals(FastlyStatus.OK, g.call("fastly_http_resp", "status_set", resp, status));
            assertEquals(
                    FastlyStatus.INVAL,
                    g.call("fastly_http_resp", "send_downstream", resp, body, 0),
                    "status " + status + " reaches no client");
            assertEquals(
                    FastlyStatus.INVAL,
                    g.call("fastly_http_resp", "send_downstream", resp, body, 1),
                    "status " + status + " streaming");
        }
        // both handles are still the program's, and a final status then answers the client
        assertEquals(FastlyStatus.OK, g.call("fastly_http_resp", "status_get", resp, COUNT));
        assertEquals(199, g.u32(COUNT) & 0xFFFF);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_resp", "status_set", resp, 204));
        assertEquals(FastlyStatus.OK, g.call("fastly_http_resp", "send_downstream", resp, body, 0));
        assertEquals(
                FastlyStatus.BADF,
                g.call("fastly_http_resp", "send_downstream", resp, body, 0),
                "the response handle went with the answer");
    }

    @Test
    void aReusedSandboxServesTheNextRequestAfterRespondingToTheFirst() throws Exception {
        CompletableFuture<Optional<DownstreamExchange>> next = new CompletableFuture<>();
        AtomicReference<ResponseHead> second = new AtomicReference<>();
        DownstreamSource source = new DownstreamSource() {
            @Override
            public CompletableFuture<Optional<DownstreamExchange>> next(Duration timeout) {
                return next;
            }

            @Override
            public void giveBack(DownstreamExchange exchange) {}
        };
        GuestHarness g =
                new GuestHarness(HostEngine.builder().downstreamSource(source).build());

        assertEquals(FastlyStatus.OK, g.call("fastly_http_downstream", "next_request", 0, 0, H3));
        int promise = g.u32(H3);
        assertEquals(
                FastlyStatus.UNSUPPORTED,
                g.call("fastly_http_downstream", "next_request_wait", promise, H, H2),
                "the first client has no response yet");
        g.call("fastly_http_resp", "new", H);
        g.call("fastly_http_body", "new", H2);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_resp", "send_downstream", g.u32(H), g.u32(H2), 0));

        RequestHead head = new RequestHead("GET", "http://localhost/second", new HeaderList());
        next.complete(Optional.of(new DownstreamExchange(
                new DownstreamRequest(
                        head, BodyBuffer.of(new byte[0]), new byte[] {127, 0, 0, 1}, new byte[] {127, 0, 0, 1}),
                (h, b, s) -> second.set(h))));
        assertEquals(FastlyStatus.OK, g.call("fastly_http_downstream", "next_request_wait", promise, H, H2));
        int req = g.u32(H);
        assertEquals(FastlyStatus.OK, g.call("fastly_http_req", "uri_get", req, BUF, 100, COUNT));
        assertEquals("http://localhost/second", new String(g.bytes(BUF, g.u32(COUNT)), StandardCharsets.UTF_8));

        g.call("fastly_http_resp", "new", H);
        g.call("fastly_http_resp", "status_set", g.u32(H), 204);
        g.call("fastly_http_body", "new", H2);
        g.call("fastly_http_resp", "send_downstream", g.u32(H), g.u32(H2), 0);
        assertEquals(204, second.get().status());
    }
}
