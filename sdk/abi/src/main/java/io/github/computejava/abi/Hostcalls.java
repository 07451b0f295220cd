package io.github.computejava.abi;

/**
 * Fastly's host ABI as Java: one interface per witx module ({@link FastlyHttpReq} for {@code fastly_http_req}, ...),
 * and here one accessor per module. Every function some implementation answers is declared; a function nobody
 * implements is left out, and the local server answers it {@code unsupported}.
 *
 * <p>Conventions, the same for every method so both implementations stay mechanical:
 *
 * <ul>
 *   <li>a method is named after its witx function in camelCase ({@code send_v2} is {@code sendV2}); a name that
 *       is a Java keyword takes a trailing underscore ({@code new_});
 *   <li>the return value is the {@code fastly_status} of the call ({@link FastlyStatus});
 *   <li>handles, {@code u32}, {@code usize}, enums and flags are {@code int}; {@code u64}/{@code s64} are
 *       {@code long};
 *   <li>a {@code (list u8)} or {@code string} argument is a whole {@code byte[]}, or ({@code buf, off, len})
 *       where the ABI streams bytes;
 *   <li>an output buffer is ({@code byte[] buf, int len}) and the host writes at most {@code len} bytes at
 *       {@code buf[0]};
 *   <li>an out-pointer to a scalar is an {@code int[]} or {@code long[]} whose element 0 receives the value;
 *   <li>a record without pointers is a {@code byte[]} in the guest's little-endian layout; a record with pointers
 *       is a Java object declaring its layout ({@link CacheWriteOptions}, ...).
 * </ul>
 *
 * <p>Inside {@code main.wasm} the implementation binds the real imports; on the JVM the engine implements it.
 */
public interface Hostcalls {
    /** {@code fastly_abi}. */
    FastlyAbi abi();

    /** {@code fastly_http_body}. */
    FastlyHttpBody httpBody();

    /** {@code fastly_log}. */
    FastlyLog log();

    /** {@code fastly_http_req}. */
    FastlyHttpReq httpReq();

    /** {@code fastly_http_downstream}. */
    FastlyHttpDownstream httpDownstream();

    /** {@code fastly_http_resp}. */
    FastlyHttpResp httpResp();

    /** {@code fastly_dictionary}. */
    FastlyDictionary dictionary();

    /** {@code fastly_geo}. */
    FastlyGeo geo();

    /** {@code fastly_erl}. */
    FastlyErl erl();

    /** {@code fastly_object_store}. */
    FastlyObjectStore objectStore();

    /** {@code fastly_kv_store}. */
    FastlyKvStore kvStore();

    /** {@code fastly_secret_store}. */
    FastlySecretStore secretStore();

    /** {@code fastly_backend}. */
    FastlyBackend backend();

    /** {@code fastly_async_io}. */
    FastlyAsyncIo asyncIo();

    /** {@code fastly_purge}. */
    FastlyPurge purge();

    /** {@code fastly_config_store}. */
    FastlyConfigStore configStore();

    /** {@code fastly_cache}. */
    FastlyCache cache();

    /** {@code fastly_http_cache}. */
    FastlyHttpCache httpCache();

    /** {@code fastly_acl}. */
    FastlyAcl acl();

    /** The WASI preview 1 calls the SDK makes itself. */
    WasiPreview1 wasi();
}
