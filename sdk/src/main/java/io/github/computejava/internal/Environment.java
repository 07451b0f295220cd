package io.github.computejava.internal;

/**
 * The program's environment variables ({@code FASTLY_POP}, {@code FASTLY_TRACE_ID}, ...), read from the WASI
 * environment through {@link Hostcalls}: TeaVM's {@code System.getenv} always answers null.
 */
public final class Environment {
    private Environment() {}

    /**
     * The value of an environment variable.
     *
     * @param name the variable's name
     * @return its value, or null when it is not set
     * @throws io.github.computejava.HostcallException if the host fails to report its environment
     */
    public static String get(String name) {
        Hostcalls calls = Host.calls();
        int[] count = new int[1];
        int[] size = new int[1];
        int errno = calls.wasiEnvironSizesGet(count, size);
        if (errno != 0) {
            throw Statuses.toException(FastlyStatus.ERROR, "wasi_snapshot_preview1.environ_sizes_get");
        }
        byte[] buf = new byte[size[0]];
        errno = calls.wasiEnvironGet(buf);
        if (errno != 0) {
            throw Statuses.toException(FastlyStatus.ERROR, "wasi_snapshot_preview1.environ_get");
        }
        byte[] prefix = Text.utf8(name + "=");
        int start = 0;
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] != 0) {
                continue;
            }
            int len = i - start;
            if (len >= prefix.length && startsWith(buf, start, prefix)) {
                return Text.utf8(buf, start + prefix.length, len - prefix.length);
            }
            start = i + 1;
        }
        return null;
    }

    private static boolean startsWith(byte[] buf, int off, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (buf[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
