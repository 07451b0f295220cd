package io.github.computejava.abi;

/** The {@code fastly_purge} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyPurge {
    /** {@code purge_options_mask.soft_purge}. */
    int SOFT_PURGE = 1;
    /** {@code purge_options_mask.ret_buf}: every {@code ret_buf} field of the record is set. */
    int RET_BUF = 1 << 1;

    /**
     * The size of a {@code purge_options} record: {@code ret_buf_ptr} @0, {@code ret_buf_len} @4, {@code
     * ret_buf_nwritten_out} @8.
     */
    int PURGE_OPTIONS_SIZE = 12;

    int PURGE_OPTIONS_OFF_RET_BUF = 0;
    int PURGE_OPTIONS_OFF_RET_BUF_LEN = 4;
    int PURGE_OPTIONS_OFF_RET_BUF_NWRITTEN_OUT = 8;

    // purge_surrogate_key(surrogate_key: string, options_mask: purge_options_mask, options: ptr purge_options
    //   {ret_buf_ptr, ret_buf_len, ret_buf_nwritten_out}) -> status
    int purgeSurrogateKey(byte[] surrogateKey, int optionsMask, byte[] retBuf, int retBufLen, int[] nwrittenOut);
}
