package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyPurge;

/** {@code fastly_purge}: purges by surrogate key in the engine's cache, optionally answering Fastly's JSON. */
final class PurgeImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        // purge_surrogate_key(surrogate_key: string, options_mask, options: ptr purge_options) -> status
        r.add("fastly_purge", "purge_surrogate_key", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            int mask = i32(a, 2);
            if ((mask & FastlyPurge.RET_BUF) == 0) {
                return g.sandbox().purge().purgeSurrogateKey(key, mask, null, 0, null);
            }
            // the return buffer, its length and where its written length goes
            byte[] options = g.memory().bytes(i32(a, 3), FastlyPurge.PURGE_OPTIONS_SIZE);
            return g.out(
                    GuestMemory.u32(options, FastlyPurge.PURGE_OPTIONS_OFF_RET_BUF),
                    GuestMemory.u32(options, FastlyPurge.PURGE_OPTIONS_OFF_RET_BUF_LEN),
                    GuestMemory.u32(options, FastlyPurge.PURGE_OPTIONS_OFF_RET_BUF_NWRITTEN_OUT),
                    (buf, len, n) -> g.sandbox().purge().purgeSurrogateKey(key, mask, buf, len, n));
        });
    }
}
