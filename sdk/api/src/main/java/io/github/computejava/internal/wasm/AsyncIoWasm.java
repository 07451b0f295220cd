package io.github.computejava.internal.wasm;

import io.github.computejava.abi.FastlyAsyncIo;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_async_io} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
 * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
 */
@StaticInit
public final class AsyncIoWasm implements FastlyAsyncIo {
    /** The one instance; the imports are static. */
    public static final AsyncIoWasm INSTANCE = new AsyncIoWasm();

    private AsyncIoWasm() {}

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
