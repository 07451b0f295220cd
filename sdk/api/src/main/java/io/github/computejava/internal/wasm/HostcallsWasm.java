package io.github.computejava.internal.wasm;

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
import io.github.computejava.abi.WasiPreview1;
import org.teavm.interop.StaticInit;

/**
 * The ABI inside {@code main.wasm}: each module's imports, bound by its {@code <Module>Wasm} class. TeaVM keeps
 * only the bindings a program calls. Every one of these classes is {@link StaticInit}: its one instance is made
 * when the program starts, so reaching a module costs no initialization check at a call site and TeaVM folds
 * {@code Host.calls().httpReq().methodGet(...)} into the import call itself.
 */
@StaticInit
public final class HostcallsWasm implements Hostcalls {
    /** The one instance. */
    public static final HostcallsWasm INSTANCE = new HostcallsWasm();

    private HostcallsWasm() {}

    @Override
    public FastlyAbi abi() {
        return AbiWasm.INSTANCE;
    }

    @Override
    public FastlyHttpBody httpBody() {
        return HttpBodyWasm.INSTANCE;
    }

    @Override
    public FastlyLog log() {
        return LogWasm.INSTANCE;
    }

    @Override
    public FastlyHttpReq httpReq() {
        return HttpReqWasm.INSTANCE;
    }

    @Override
    public FastlyHttpDownstream httpDownstream() {
        return HttpDownstreamWasm.INSTANCE;
    }

    @Override
    public FastlyHttpResp httpResp() {
        return HttpRespWasm.INSTANCE;
    }

    @Override
    public FastlyDictionary dictionary() {
        return DictionaryWasm.INSTANCE;
    }

    @Override
    public FastlyGeo geo() {
        return GeoWasm.INSTANCE;
    }

    @Override
    public FastlyErl erl() {
        return ErlWasm.INSTANCE;
    }

    @Override
    public FastlyObjectStore objectStore() {
        return ObjectStoreWasm.INSTANCE;
    }

    @Override
    public FastlyKvStore kvStore() {
        return KvStoreWasm.INSTANCE;
    }

    @Override
    public FastlySecretStore secretStore() {
        return SecretStoreWasm.INSTANCE;
    }

    @Override
    public FastlyBackend backend() {
        return BackendWasm.INSTANCE;
    }

    @Override
    public FastlyAsyncIo asyncIo() {
        return AsyncIoWasm.INSTANCE;
    }

    @Override
    public FastlyPurge purge() {
        return PurgeWasm.INSTANCE;
    }

    @Override
    public FastlyConfigStore configStore() {
        return ConfigStoreWasm.INSTANCE;
    }

    @Override
    public FastlyCache cache() {
        return CacheWasm.INSTANCE;
    }

    @Override
    public FastlyHttpCache httpCache() {
        return HttpCacheWasm.INSTANCE;
    }

    @Override
    public FastlyAcl acl() {
        return AclWasm.INSTANCE;
    }

    @Override
    public WasiPreview1 wasi() {
        return WasiPreview1Wasm.INSTANCE;
    }
}
