package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;

import io.github.computejava.abi.WasiPreview1;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code WasiPreview1} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class WasiPreview1Guest {
    private WasiPreview1Guest() {}

    /**
     * The WASI preview 1 calls the SDK makes itself inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements WasiPreview1 {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // environ_sizes_get() -> (errno, count: size, buf_size: size)
        @Import(module = "wasi_snapshot_preview1", name = "environ_sizes_get")
        private static native int environSizesGetImport(Address countOut, Address bufSizeOut);

        @Override
        public int environSizesGet(int[] countOut, int[] bufSizeOut) {
            return environSizesGetImport(Address.ofData(countOut), Address.ofData(bufSizeOut));
        }

        // environ_get(environ: ptr ptr u8, environ_buf: ptr u8) -> errno; here only the buffer of NUL-terminated
        // NAME=value entries, which must hold environ_sizes_get's buf_size bytes
        @Import(module = "wasi_snapshot_preview1", name = "environ_get")
        private static native int environGetImport(Address environ, Address environBuf);

        @Override
        public int environGet(byte[] buf) {
            int[] count = new int[1];
            int[] size = new int[1];
            int errno = environSizesGetImport(Address.ofData(count), Address.ofData(size));
            if (errno != 0) {
                return errno;
            }
            if (size[0] > buf.length) {
                // WASI errno 28: einval
                return 28;
            }
            int[] pointers = new int[Math.max(1, count[0])];
            return environGetImport(Address.ofData(pointers), Address.ofData(buf));
        }

        // clock_time_get(id: clockid, precision: timestamp) -> (errno, time: timestamp); the time in nanoseconds,
        // since the epoch for the realtime clock (id 0)
        @Import(module = "wasi_snapshot_preview1", name = "clock_time_get")
        private static native int clockTimeGetImport(int clockId, long precision, Address timeOut);

        @Override
        public int clockTimeGet(int clockId, long precision, long[] timeOut) {
            long[] slot = new long[2];
            int errno = clockTimeGetImport(clockId, precision, aligned(slot));
            timeOut[0] = aligned(slot).getLong();
            return errno;
        }
    }
}
