package io.github.computejava.abi;

/** The {@code fastly_purge} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyPurge {
    // purge_surrogate_key(surrogate_key: string, options_mask: purge_options_mask, options: ptr purge_options
    //   {ret_buf_ptr, ret_buf_len, ret_buf_nwritten_out}) -> status
    int purgeSurrogateKey(byte[] surrogateKey, int optionsMask, byte[] retBuf, int retBufLen, int[] nwrittenOut);
}
