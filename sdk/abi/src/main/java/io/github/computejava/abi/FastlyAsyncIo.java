package io.github.computejava.abi;

/** The {@code fastly_async_io} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyAsyncIo {
    /** The {@code ready_idx} of a {@code select} whose timeout passed first ({@code u32::MAX}). */
    int TIMED_OUT = -1;

    // select(hs: list async_item_handle, timeout_ms: u32) -> (status, ready_idx); 0 waits without limit
    int select(int[] handles, int timeoutMs, int[] readyIdxOut);

    // is_ready(handle: async_item_handle) -> (status, is_done u32)
    int isReady(int handle, int[] isDoneOut);
}
