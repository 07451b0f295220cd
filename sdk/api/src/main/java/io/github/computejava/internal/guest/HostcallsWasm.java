package io.github.computejava.internal.guest;

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
 * The ABI inside {@code main.wasm}: each module's imports, bound by the {@code Wasm} class of its {@code <Module>Guest}. TeaVM keeps
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
        return AbiGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyHttpBody httpBody() {
        return HttpBodyGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyLog log() {
        return LogGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyHttpReq httpReq() {
        return HttpReqGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyHttpDownstream httpDownstream() {
        return HttpDownstreamGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyHttpResp httpResp() {
        return HttpRespGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyDictionary dictionary() {
        return DictionaryGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyGeo geo() {
        return GeoGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyErl erl() {
        return ErlGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyObjectStore objectStore() {
        return ObjectStoreGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyKvStore kvStore() {
        return KvStoreGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlySecretStore secretStore() {
        return SecretStoreGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyBackend backend() {
        return BackendGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyAsyncIo asyncIo() {
        return AsyncIoGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyPurge purge() {
        return PurgeGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyConfigStore configStore() {
        return ConfigStoreGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyCache cache() {
        return CacheGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyHttpCache httpCache() {
        return HttpCacheGuest.Wasm.INSTANCE;
    }

    @Override
    public FastlyAcl acl() {
        return AclGuest.Wasm.INSTANCE;
    }

    @Override
    public WasiPreview1 wasi() {
        return WasiPreview1Guest.Wasm.INSTANCE;
    }
}
