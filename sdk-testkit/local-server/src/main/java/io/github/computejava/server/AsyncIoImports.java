package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

/** {@code fastly_async_io}: waiting on bodies, pending requests and request promises at once. */
final class AsyncIoImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        // select(hs: list async_item_handle, timeout_ms: u32) -> (status, ready_idx); u32::MAX on timeout
        r.add("fastly_async_io", "select", (g, a) -> {
            int[] items = g.memory().u32s(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 3), out -> g.sandbox().asyncIo().select(items, i32(a, 2), out));
        });

        // is_ready(handle) -> (status, is_done)
        r.add(
                "fastly_async_io",
                "is_ready",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().asyncIo().isReady(i32(a, 0), out)));
    }
}
