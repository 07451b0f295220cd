package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyAsyncIo;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_async_io} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class AsyncIoGuest {
    private AsyncIoGuest() {}

    /**
     * {@code is_ready}: whether a handle's I/O would complete without waiting; never waits.
     *
     * @param handle an async item handle (a pending request, a body, ...)
     * @return whether it is ready
     * @throws io.github.computejava.HostcallException if the handle cannot be waited on
     */
    public static boolean isReady(int handle) {
        int[] out = new int[1];
        Statuses.check(Host.calls().asyncIo().isReady(handle, out), "fastly_async_io.is_ready");
        return out[0] != 0;
    }

    /**
     * The {@code fastly_async_io} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyAsyncIo {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // select(hs: list async_item_handle, timeout_ms: u32) -> (status, ready_idx); 0 waits without limit
        @Import(module = "fastly_async_io", name = "select")
        private static native int selectImport(Address handles, int handlesLen, int timeoutMs, Address readyIdxOut);

        @Override
        public int select(int[] handles, int timeoutMs, int[] readyIdxOut) {
            return selectImport(Address.ofData(handles), handles.length, timeoutMs, Address.ofData(readyIdxOut));
        }

        // is_ready(handle: async_item_handle) -> (status, is_done u32)
        @Import(module = "fastly_async_io", name = "is_ready")
        private static native int isReadyImport(int handle, Address isDoneOut);

        @Override
        public int isReady(int handle, int[] isDoneOut) {
            return isReadyImport(handle, Address.ofData(isDoneOut));
        }
    }
}
