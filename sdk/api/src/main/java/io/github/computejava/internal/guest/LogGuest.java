package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.at;

import io.github.computejava.abi.FastlyLog;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_log} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and {@link Endpoint}, an open endpoint's typed calls over them.
 */
public final class LogGuest {
    private LogGuest() {}

    /**
     * Opens a log endpoint by name.
     *
     * @param name the endpoint name
     * @return the endpoint, or null when the host rejects the name ({@code inval})
     * @throws io.github.computejava.HostcallException if the host fails otherwise
     */
    public static Endpoint open(String name) {
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        int status = calls.log().endpointGet(Text.utf8(name), out);
        if (status == FastlyStatus.INVAL) {
            return null;
        }
        Statuses.check(status, "fastly_log.endpoint_get");
        return new Endpoint(calls, out[0]);
    }

    /** An open log endpoint. */
    public static final class Endpoint {
        private final Hostcalls calls;
        private final int handle;

        private Endpoint(Hostcalls calls, int handle) {
            this.calls = calls;
            this.handle = handle;
        }

        /**
         * Writes one log line: {@code len} bytes of {@code line} from {@code off}.
         *
         * @throws io.github.computejava.HostcallException if the host fails the write
         */
        public void write(byte[] line, int off, int len) {
            int[] n = new int[1];
            Statuses.check(calls.log().write(handle, line, off, len, n), "fastly_log.write");
        }
    }

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
