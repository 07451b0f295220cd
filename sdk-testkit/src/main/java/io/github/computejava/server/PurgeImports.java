package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.internal.FastlyStatus;

/**
 * {@code fastly_purge}: surrogate-key purges (hard or soft) of the engine's cache store, which every cache
 * interface shares. With {@code ret_buf} the purge API's JSON answer is written to the guest's buffer.
 */
final class PurgeImports implements ImportGroup {
    /** {@code purge_options_mask.ret_buf}. */
    private static final int RET_BUF = 1 << 1;

    @Override
    public void register(Registrar r) {
        // purge_surrogate_key(surrogate_key: string, options_mask, options: ptr purge_options) -> status
        r.add("fastly_purge", "purge_surrogate_key", (g, a) -> {
            GuestMemory m = g.memory();
            byte[] key = m.bytes(i32(a, 0), i32(a, 1));
            int mask = i32(a, 2);
            if ((mask & RET_BUF) == 0) {
                return g.sandbox().purgeSurrogateKey(key, mask, null, 0, null);
            }
            // purge_options: ret_buf_ptr, ret_buf_len, ret_buf_nwritten_out
            int[] options = m.u32s(i32(a, 3), 3);
            m.check(options[0], options[1]);
            m.checkU32(options[2]);
            byte[] buf = new byte[(int) Math.min(Integer.toUnsignedLong(options[1]), 1 << 16)];
            int[] nwritten = new int[1];
            int status = g.sandbox().purgeSurrogateKey(key, mask, buf, buf.length, nwritten);
            if (status == FastlyStatus.OK) {
                m.write(options[0], buf, 0, nwritten[0]);
            }
            if (status == FastlyStatus.OK || status == FastlyStatus.BUFLEN) {
                m.u32(options[2], nwritten[0]);
            }
            return status;
        });
    }
}
