package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyAsyncIo;

/** {@code fastly_async_io}: waiting on bodies, pending requests and request promises at once. */
final class AsyncIoImports implements ImportGroup {
    private static final String M = "fastly_async_io";

    @Override
    public void register(Registrar r) {
        // select(hs: list async_item_handle, timeout_ms: u32) -> (status, ready_idx); u32::MAX on timeout
        r.add(M, "select", (g, a) -> {
            int[] items = g.memory().u32s(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 3), out -> calls(g).select(items, i32(a, 2), out));
        });

        // is_ready(handle: async_item_handle) -> (status, is_done)
        r.add(M, "is_ready", (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).isReady(i32(a, 0), out)));
    }

    private static FastlyAsyncIo calls(Guest g) {
        return g.sandbox().asyncIo();
    }
}
