package io.github.computejava.host;

import io.github.computejava.abi.FastlyPurge;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.cache.CacheStore;
import io.github.computejava.host.cache.SurrogateKeys;
import java.nio.charset.StandardCharsets;

/**
 * {@code fastly_purge}: purges by surrogate key in the engine's cache store (every namespace), optionally
 * answering the JSON of Fastly's purge API.
 */
final class PurgeHost implements FastlyPurge {
    private final CacheStore store;

    PurgeHost(CacheStore store) {
        this.store = store;
    }

    /**
     * {@code purge_surrogate_key}: {@code inval} for an unknown option bit, a malformed key or a missing return
     * buffer; {@code buflen} (with the size needed) when the answer does not fit.
     */
    @Override
    public int purgeSurrogateKey(byte[] surrogateKey, int mask, byte[] retBuf, int retBufLen, int[] nwrittenOut) {
        if ((mask & ~(SOFT_PURGE | RET_BUF)) != 0) {
            return FastlyStatus.INVAL;
        }
        String key = new String(surrogateKey, StandardCharsets.ISO_8859_1);
        try {
            SurrogateKeys.validate(key);
        } catch (IllegalArgumentException e) {
            return FastlyStatus.INVAL;
        }
        byte[] answer = null;
        if ((mask & RET_BUF) != 0) {
            if (retBuf == null || nwrittenOut == null || retBufLen < 0 || retBufLen > retBuf.length) {
                return FastlyStatus.INVAL;
            }
            // the answer of Fastly's purge API for one surrogate key
            answer = ("{\"status\":\"ok\",\"id\":\"" + store.nextPurgeId() + "\"}").getBytes(StandardCharsets.UTF_8);
            if (answer.length > retBufLen) {
                nwrittenOut[0] = answer.length;
                return FastlyStatus.BUFLEN;
            }
        }
        store.purge(key, (mask & SOFT_PURGE) != 0);
        if (answer != null) {
            System.arraycopy(answer, 0, retBuf, 0, answer.length);
            nwrittenOut[0] = answer.length;
        }
        return FastlyStatus.OK;
    }
}
