package io.github.computejava.abi;

/**
 * The WASI preview 1 calls the SDK makes itself (the environment and the clock), with the conventions of {@link
 * Hostcalls}; these return a WASI errno, 0 for success.
 */
public interface WasiPreview1 {
    // environ_sizes_get() -> (errno, count: size, buf_size: size)
    int wasiEnvironSizesGet(int[] countOut, int[] bufSizeOut);

    // environ_get(environ: ptr ptr u8, environ_buf: ptr u8) -> errno; here only the buffer of NUL-terminated
    // NAME=value entries, which must hold environ_sizes_get's buf_size bytes
    int wasiEnvironGet(byte[] buf);

    // clock_time_get(id: clockid, precision: timestamp) -> (errno, time: timestamp); the time in nanoseconds,
    // since the epoch for the realtime clock (id 0)
    int wasiClockTimeGet(int clockId, long precision, long[] timeOut);
}
