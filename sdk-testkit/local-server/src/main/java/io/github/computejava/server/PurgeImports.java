package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.host.cache.CacheRecords;

/** {@code fastly_purge}: purges by surrogate key in the engine's cache, optionally answering Fastly's JSON. */
final class PurgeImports implements ImportGroup {
    /** {@code purge_options_mask.ret_buf}. */
    private static final int RET_BUF = 1 << 1;

    @Override
    public void register(Registrar r) {
        // purge_surrogate_key(surrogate_key: string, options_mask, options: ptr purge_options) -> status
        r.add("fastly_purge", "purge_surrogate_key", (g, a) -> {
            byte[] key = g.memory().bytes(i32(a, 0), i32(a, 1));
            int mask = i32(a, 2);
            if ((mask & RET_BUF) == 0) {
                return g.sandbox().purgeSurrogateKey(key, mask, null, 0, null);
            }
            int[] ret = CacheRecords.purgeOptions(g.memory()::bytes, i32(a, 3));
            return g.out(
                    ret[0], ret[1], ret[2], (buf, len, n) -> g.sandbox().purgeSurrogateKey(key, mask, buf, len, n));
        });
    }
}
