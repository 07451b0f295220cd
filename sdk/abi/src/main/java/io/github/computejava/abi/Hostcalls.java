package io.github.computejava.abi;

/**
 * Fastly's host ABI as Java methods: one interface per witx module (such as {@link FastlyHttpReq}), one method per hostcall.
 *
 * <p>Conventions, the same for every method so both implementations stay mechanical:
 *
 * <ul>
 *   <li>the return value is the {@code fastly_status} of the call ({@link FastlyStatus});
 *   <li>handles, {@code u32}, {@code usize}, enums and flags are {@code int}; {@code u64}/{@code s64} are
 *       {@code long};
 *   <li>a {@code (list u8)} or {@code string} argument is a whole {@code byte[]}, or ({@code buf, off, len})
 *       where the ABI streams bytes;
 *   <li>an output buffer is ({@code byte[] buf, int len}) and the host writes at most {@code len} bytes at
 *       {@code buf[0]};
 *   <li>an out-pointer to a scalar is an {@code int[]} or {@code long[]} whose element 0 receives the value;
 *   <li>a record without pointers is a {@code byte[]} in the guest's little-endian layout.
 * </ul>
 *
 * <p>Inside {@code main.wasm} the implementation binds the real imports; on the JVM the testkit implements it
 * over its host engine.
 */
public interface Hostcalls
        extends FastlyAbi,
                FastlyHttpBody,
                FastlyLog,
                FastlyHttpReq,
                FastlyHttpDownstream,
                FastlyHttpResp,
                FastlyBackend,
                FastlyConfigStore,
                FastlyKvStore,
                FastlySecretStore,
                FastlyCache,
                FastlyPurge,
                WasiPreview1,
                FastlyHttpCache,
                FastlyGeo,
                FastlyErl,
                FastlyAcl {}
