package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyAbi;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_abi} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class AbiGuest {
    private AbiGuest() {}

    /**
     * {@code init}: tells the host which ABI version the program speaks.
     *
     * @param abiVersion the version
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void init(long abiVersion) {
        Statuses.check(Host.calls().abi().init(abiVersion), "fastly_abi.init");
    }

    /**
     * The {@code fastly_abi} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyAbi {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // init(abi_version: u64) -> status
        @Import(module = "fastly_abi", name = "init")
        private static native int initImport(long abiVersion);

        @Override
        public int init(long abiVersion) {
            return initImport(abiVersion);
        }
    }
}
