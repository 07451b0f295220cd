package io.github.computejava.host;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.computejava.abi.FastlyAbi;
import io.github.computejava.abi.FastlyAcl;
import io.github.computejava.abi.FastlyAsyncIo;
import io.github.computejava.abi.FastlyBackend;
import io.github.computejava.abi.FastlyCache;
import io.github.computejava.abi.FastlyConfigStore;
import io.github.computejava.abi.FastlyDictionary;
import io.github.computejava.abi.FastlyErl;
import io.github.computejava.abi.FastlyGeo;
import io.github.computejava.abi.FastlyHttpBody;
import io.github.computejava.abi.FastlyHttpCache;
import io.github.computejava.abi.FastlyHttpDownstream;
import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyHttpResp;
import io.github.computejava.abi.FastlyKvStore;
import io.github.computejava.abi.FastlyLog;
import io.github.computejava.abi.FastlyObjectStore;
import io.github.computejava.abi.FastlyPurge;
import io.github.computejava.abi.FastlySecretStore;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.abi.UncaughtListener;
import io.github.computejava.abi.WasiPreview1;
import io.github.computejava.host.cache.CacheHost;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.HeaderSection;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One program instance serving one client request: its handles, its lifecycle, and the engine's implementation
 * of each witx module over them ({@link HttpReqHost} for {@code fastly_http_req}, ...), reached through the
 * accessors of {@link Hostcalls}. Both doors drive it: the testkit attaches it to a thread as the SDK's {@link
 * Hostcalls}; the local server calls the same modules from the Wasm imports after copying guest memory in and out.
 *
 * <p>Every hostcall returns a {@code fastly_status}; a guest mistake (bad handle, bad argument) is a status, never
 * an exception. A sandbox is used by one guest thread at a time.
 */
public class Sandbox implements Hostcalls, UncaughtListener {
    private final HostEngine engine;
    // the downstream fields change when a reused sandbox accepts its next request (next_request_wait)
    private DownstreamRequest downstream;
    private DownstreamResponder responder;
    private final HandleTable handles;
    private final ByteBudget bodyBudget;
    private int backendRequests;
    private int dictionaryLookups;
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private int downstreamRequestHandle;
    private int downstreamBodyHandle;
    private boolean responded;
    // the program's count on the engine's timeline, once it sent asynchronously
    private Object timelineToken;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    private final AbiHost abi;
    private final HttpBodyHost httpBody;
    private final LogHost log;
    private final HttpReqHost httpReq;
    private final HttpDownstreamHost httpDownstream;
    private final HttpRespHost httpResp;
    private final ConfigStoreHost configStore;
    private final DictionaryHost dictionary;
    private final GeoHost geo;
    private final ErlHost erl;
    private final KvStoreHost kvStore;
    private final ObjectStoreHost objectStore;
    private final SecretStoreHost secretStore;
    private final BackendHost backend;
    private final AsyncIoHost asyncIo;
    private final PurgeHost purge;
    private final CacheHost cache;
    private final HttpCacheHost httpCache;
    private final AclHost acl;
    private final WasiPreview1Host wasi;

    /** A request handle's state. */
    static final class HostRequest {
        RequestHead head;
        CacheOverride cacheOverride = CacheOverride.NONE;
        int autoDecompress;
        final boolean downstream;
        /** The client request this handle stands for, when {@link #downstream}. */
        DownstreamRequest client;

        HostRequest(RequestHead head, boolean downstream) {
            this.head = head;
            this.downstream = downstream;
        }
    }

    /** A response handle's state. */
    static final class HostResponse {
        ResponseHead head;
        String backend;
        /** For a stored response a 304 revalidated: the 304's headers, which give its freshness; else null. */
        HeaderList freshnessHeaders;

        HostResponse(ResponseHead head) {
            this.head = head;
        }
    }

    /** A request sent with {@code send_async*}, answered on another thread. */
    static final class PendingRequest implements AsyncItem {
        final AsyncSend send;
        final CompletableFuture<UpstreamResponse> future;
        final String backend;
        /** Header edits queued by {@code pending_req_header_*}: {kind, op, name, value}. */
        final List<String[]> headerEdits = new ArrayList<>();
        /** Whether the response should be decompressed ({@code auto_decompress_response_set}). */
        int autoDecompress;

        PendingRequest(AsyncSend send, String backend) {
            this.send = send;
            this.future = send.future();
            this.backend = backend;
        }

        /** Ready when the response head arrived (or the send failed). */
        @Override
        public boolean isReady() {
            return future.isDone();
        }
    }

    /**
     * Counts the program on the engine's timeline from its first asynchronous send until it ends: virtual time
     * passes only while it waits on the host.
     */
    void joinTimeline() {
        if (timelineToken == null) {
            timelineToken = engine.timeline().join();
        }
    }

    protected Sandbox(HostEngine engine, DownstreamRequest downstream, DownstreamResponder responder) {
        this.engine = engine;
        this.downstream = downstream;
        this.responder = responder;
        this.handles = new HandleTable(engine.limits().handles());
        this.bodyBudget = new ByteBudget("buffered body bytes", engine.limits().bufferedBodyBytes(), null);
        HostRequest downstreamRequest = new HostRequest(downstream.head(), true);
        downstreamRequest.client = downstream;
        this.downstreamRequestHandle = handles.add(downstreamRequest);
        this.downstreamBodyHandle = handles.add(downstream.body());
        this.cache = new CacheHost(engine.cacheStore(), engine.cacheWriters(), handles, h -> {
            HostRequest r = handles.get(h, HostRequest.class);
            return r == null ? null : r.head.headers().copy();
        });
        this.httpCache = new HttpCacheHost(engine.readthrough(), handles);
        this.asyncIo = new AsyncIoHost(this);
        this.abi = new AbiHost();
        this.httpBody = new HttpBodyHost(this);
        this.log = new LogHost(this);
        this.httpDownstream = new HttpDownstreamHost(this);
        this.httpReq = new HttpReqHost(this);
        this.httpResp = new HttpRespHost(this);
        this.configStore = new ConfigStoreHost(this);
        this.dictionary = new DictionaryHost(this);
        this.geo = new GeoHost(engine.geolocation());
        this.erl = new ErlHost(engine.rateCounters());
        this.kvStore = new KvStoreHost(this);
        this.objectStore = new ObjectStoreHost(this);
        this.secretStore = new SecretStoreHost(this);
        this.backend = new BackendHost(this);
        this.purge = new PurgeHost(engine.cacheStore());
        this.acl = new AclHost(this);
        this.wasi = new WasiPreview1Host(this);
    }

    public HostEngine engine() {
        return engine;
    }

    public DownstreamRequest downstream() {
        return downstream;
    }

    /** Whether the program has sent its response. */
    public boolean responded() {
        return responded;
    }

    /**
     * Ends the sandbox after the program returns: streaming bodies still open are abandoned (the client sees
     * an incomplete response), requests sent asynchronously and never waited for are abandoned (see {@link
     * AsyncSend}), and every other handle is released.
     */
    public void finish() {
        cache.finish();
        httpCache.finish();
        httpDownstream.finish();
        for (Object o : handles.all()) {
            if (o instanceof BodyBuffer) {
                BodyBuffer body = (BodyBuffer) o;
                if (body.isStreaming() && !body.isComplete()) {
                    body.abandon();
                } else if (!body.isStreaming()) {
                    body.discard();
                }
            } else if (o instanceof PendingRequest) {
                ((PendingRequest) o).send.abandon();
            }
        }
        // after the abandoned sends dropped their timers: no virtual time passes for them
        engine.timeline().leave(timelineToken);
        timelineToken = null;
    }

    // ---- the modules (Hostcalls)

    @Override
    public FastlyAbi abi() {
        return abi;
    }

    @Override
    public FastlyHttpBody httpBody() {
        return httpBody;
    }

    @Override
    public FastlyLog log() {
        return log;
    }

    @Override
    public FastlyHttpReq httpReq() {
        return httpReq;
    }

    @Override
    public FastlyHttpDownstream httpDownstream() {
        return httpDownstream;
    }

    @Override
    public FastlyHttpResp httpResp() {
        return httpResp;
    }

    @Override
    public FastlyDictionary dictionary() {
        return dictionary;
    }

    @Override
    public FastlyGeo geo() {
        return geo;
    }

    @Override
    public FastlyErl erl() {
        return erl;
    }

    @Override
    public FastlyObjectStore objectStore() {
        return objectStore;
    }

    @Override
    public FastlyKvStore kvStore() {
        return kvStore;
    }

    @Override
    public FastlySecretStore secretStore() {
        return secretStore;
    }

    @Override
    public FastlyBackend backend() {
        return backend;
    }

    @Override
    public FastlyAsyncIo asyncIo() {
        return asyncIo;
    }

    @Override
    public FastlyPurge purge() {
        return purge;
    }

    @Override
    public FastlyConfigStore configStore() {
        return configStore;
    }

    @Override
    public FastlyCache cache() {
        return cache;
    }

    @Override
    public FastlyHttpCache httpCache() {
        return httpCache;
    }

    @Override
    public FastlyAcl acl() {
        return acl;
    }

    @Override
    public WasiPreview1 wasi() {
        return wasi;
    }

    // ---- what the modules share

    /** The handle table, for the modules. */
    HandleTable handles() {
        return handles;
    }

    /** {@code fastly_http_req}, for the modules that answer for the client request or send. */
    HttpReqHost httpReqHost() {
        return httpReq;
    }

    /** {@code fastly_http_downstream}, for the deprecated getters of {@code fastly_http_req}. */
    HttpDownstreamHost httpDownstreamHost() {
        return httpDownstream;
    }

    /** {@code fastly_async_io}, which waiters wake through. */
    AsyncIoHost asyncIoHost() {
        return asyncIo;
    }

    /** {@code fastly_cache}, which hears when a body it copies ends. */
    CacheHost cacheHost() {
        return cache;
    }

    /** {@code fastly_backend}, which registers what {@code register_dynamic_backend} decoded. */
    BackendHost backendHost() {
        return backend;
    }

    /** {@code fastly_kv_store}, whose stores {@code fastly_object_store} shares. */
    KvStoreHost kvStoreHost() {
        return kvStore;
    }

    /** The head of request handle {@code req}, or null when it is not one. */
    RequestHead requestHead(int req) {
        HostRequest r = handles.get(req, HostRequest.class);
        return r == null ? null : r.head;
    }

    /** The head of response handle {@code resp}, or null when it is not one. */
    ResponseHead responseHead(int resp) {
        HostResponse r = handles.get(resp, HostResponse.class);
        return r == null ? null : r.head;
    }

    /** The handles of the current client request: {request, body}. */
    int[] downstreamHandles() {
        return new int[] {downstreamRequestHandle, downstreamBodyHandle};
    }

    // ---- the JVM door: what the program threw

    @Override
    public void uncaught(Throwable t) {
        uncaught.add(t);
    }

    /** What the program's handler threw out of {@code Compute.serve}, in order (JVM door only). */
    public List<Throwable> uncaughtExceptions() {
        return List.copyOf(uncaught);
    }

    /** The handle of the current client request (the one {@code body_downstream_get} returns). */
    public int clientRequestHandle() {
        return downstreamRequestHandle;
    }

    /**
     * Sends the client its answer (the program's response, or the one for a program that sent none), under the
     * host's rules on it: a client whose body failed gets a 400 whatever the program answered (the fault is the client's), and a response whose header section is over
     * Fastly's limit ({@link HeaderSection}) a 500; either way the door hears why ({@link
     * DownstreamResponder#refused}) and the program's body is dropped.
     */
    void respondToClient(ResponseHead head, BodyBuffer body, boolean streaming) {
        String bodyFailure = downstream.clientBodyFailure().orElse(null);
        if (bodyFailure != null) {
            String why = "the client's request body " + bodyFailure;
            replace(body, why + "; answering 400", 400, "Bad request: " + why);
            return;
        }
        long headerBytes = HeaderSection.bytes(head.headers());
        if (HeaderSection.tooLarge(headerBytes)) {
            String why = HeaderSection.describe("the program's response", headerBytes);
            replace(body, why, 500, why);
            return;
        }
        responder.respond(head, body, streaming);
    }

    /**
     * Passes a {@code 103 Early Hints} head to the client before the final response, without its framing headers
     * ({@code Content-Length}, {@code Transfer-Encoding}), which an informational response has none of.
     *
     * @return false when the client already has its final response (the hints come too late)
     */
    boolean sendEarlyHints(ResponseHead head) {
        if (responded) {
            return false;
        }
        ResponseHead hints = head.copy();
        hints.headers().remove("Content-Length");
        hints.headers().remove("Transfer-Encoding");
        responder.informational(hints);
        return true;
    }

    private void replace(BodyBuffer programBody, String why, int status, String text) {
        refuse(why);
        responder.refused(why);
        programBody.discard();
        responder.respond(new ResponseHead(status, textHeaders()), BodyBuffer.of((text + "\n").getBytes(UTF_8)), false);
    }

    private static HeaderList textHeaders() {
        HeaderList headers = new HeaderList();
        headers.append("Content-Type", "text/plain; charset=utf-8");
        return headers;
    }

    /**
     * Makes {@code exchange} the sandbox's client request (a reused sandbox's next request).
     *
     * @return {request handle, body handle}
     */
    int[] acceptDownstream(DownstreamExchange exchange) {
        downstream = exchange.request();
        responder = engine.traced(downstream, exchange.responder());
        responded = false;
        HostRequest r = new HostRequest(downstream.head(), true);
        r.client = downstream;
        downstreamRequestHandle = handles.add(r);
        downstreamBodyHandle = handles.add(downstream.body());
        return new int[] {downstreamRequestHandle, downstreamBodyHandle};
    }

    // ---- limits (ExecutionLimits): open handles, buffered bodies, counts reported per request

    /**
     * Whether the open handles have reached {@link ExecutionLimits#handles()}; the first time, the refusal is noted
     * in the usage. A hostcall that would open a handle answers {@code limitexceeded} when this is true.
     */
    boolean handlesFull() {
        if (!handles.full()) {
            return false;
        }
        refuse("a hostcall was refused a new handle: the program holds " + handles.size()
                + " open handles, the local server's limit (limits.handles)");
        return true;
    }

    /** Notes a refusal for the usage (each different sentence once). */
    void refuse(String why) {
        if (refusals.size() < 16 && !refusals.contains(why)) {
            refusals.add(why);
        }
    }

    /** Counts a backend request for the usage. */
    void countBackendRequest() {
        backendRequests++;
    }

    /** Counts a dictionary or config store lookup for the usage. */
    void countDictionaryLookup() {
        dictionaryLookups++;
    }

    /** What the program holds in bodies nobody has read, against {@link ExecutionLimits#bufferedBodyBytes()}. */
    ByteBudget bodyBudget() {
        return bodyBudget;
    }

    /**
     * What this execution used so far: backend requests, dictionary lookups, dynamic backends on the engine, and
     * what the host refused because of a limit. CPU time and memory are the door's to add.
     *
     * @return the usage
     */
    public ResourceUsage usage() {
        return new ResourceUsage(
                backendRequests, dictionaryLookups, engine.dynamicBackendCount(), null, -1, List.copyOf(refusals));
    }

    /**
     * Answers the current client when the program ended without sending a response: Fastly's local tools answer
     * 200 with an empty body after a normal end, 500 after a failure.
     *
     * @param status the status to send
     * @param body the body to send
     * @return whether a response was sent (false when the program had sent one)
     */
    public boolean answerIfUnanswered(int status, byte[] body) {
        if (!markResponded()) {
            return false;
        }
        respondToClient(
                new ResponseHead(status, body.length > 0 ? textHeaders() : new HeaderList()),
                BodyBuffer.of(body),
                false);
        return true;
    }

    /**
     * Marks the current client as answered, unless it was: every way of answering (a response, a pending
     * request's response, the answer for a program that sent none) goes through here.
     *
     * @return whether this call marked it (false when the client already had its response)
     */
    boolean markResponded() {
        if (responded) {
            return false;
        }
        responded = true;
        return true;
    }
}
