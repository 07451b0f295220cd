package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.at;

import io.github.computejava.abi.FastlyLog;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_log} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class LogGuest {
    private LogGuest() {}

    /**
     * The {@code fastly_log} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyLog {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // endpoint_get(name: list u8) -> (status, endpoint_handle)
        @Import(module = "fastly_log", name = "endpoint_get")
        private static native int endpointGetImport(Address name, int nameLen, Address endpointOut);

        @Override
        public int endpointGet(byte[] name, int[] endpointOut) {
            return endpointGetImport(Address.ofData(name), name.length, Address.ofData(endpointOut));
        }

        // write(h: endpoint_handle, msg: list u8) -> (status, num_bytes)
        @Import(module = "fastly_log", name = "write")
        private static native int writeImport(int endpoint, Address msg, int len, Address nwrittenOut);

        @Override
        public int write(int endpoint, byte[] msg, int off, int len, int[] nwrittenOut) {
            return writeImport(endpoint, at(msg, off), len, Address.ofData(nwrittenOut));
        }
    }
}
