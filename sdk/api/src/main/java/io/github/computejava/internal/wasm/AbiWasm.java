package io.github.computejava.internal.wasm;

import io.github.computejava.abi.FastlyAbi;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_abi} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
 * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
 */
@StaticInit
public final class AbiWasm implements FastlyAbi {
    /** The one instance; the imports are static. */
    public static final AbiWasm INSTANCE = new AbiWasm();

    private AbiWasm() {}

    // init(abi_version: u64) -> status
    @Import(module = "fastly_abi", name = "init")
    private static native int initImport(long abiVersion);

    @Override
    public int init(long abiVersion) {
        return initImport(abiVersion);
    }
}
