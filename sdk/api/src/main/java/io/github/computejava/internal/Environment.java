package io.github.computejava.internal;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The program's environment variables ({@code FASTLY_POP}, {@code FASTLY_TRACE_ID}, ...), read from the WASI
 * environment through {@link Hostcalls}: TeaVM's {@code System.getenv} always answers null, so the build
 * rewrites {@code System.getenv(String)} and {@code System.getenv()} into {@link #get} and {@link #all}.
 */
public final class Environment {
    // FASTLY_POP with the host it was read from (one per instance in Wasm, one per sandbox on the JVM)
    private static volatile PopValue popValue;

    private static final class PopValue {
        final Hostcalls host;
        final byte[] pop;

        PopValue(Hostcalls host, byte[] pop) {
            this.host = host;
            this.pop = pop;
        }
    }

    private Environment() {}

    /**
     * {@code FASTLY_POP} as UTF-8, read once per host: once per instance in Wasm, once per sandbox on the JVM.
     *
     * @return the bytes, empty when it is not set
     * @throws io.github.computejava.HostcallException if the host fails to report its environment
     */
    public static byte[] popUtf8() {
        Hostcalls calls = Host.calls();
        PopValue cached = popValue;
        if (cached == null || cached.host != calls) {
            String value = get("FASTLY_POP");
            cached = new PopValue(calls, Text.utf8(value == null ? "" : value));
            popValue = cached;
        }
        return cached.pop;
    }

    /**
     * All environment variables, as {@code System.getenv()} answers them.
     *
     * @return an unmodifiable map of names to values, in the host's order
     * @throws io.github.computejava.HostcallException if the host fails to report its environment
     */
    public static Map<String, String> all() {
        byte[] buf = entries();
        Map<String, String> env = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] != 0) {
                continue;
            }
            String entry = Text.utf8(buf, start, i - start);
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
            start = i + 1;
        }
        return Collections.unmodifiableMap(env);
    }

    /**
     * The value of an environment variable.
     *
     * @param name the variable's name
     * @return its value, or null when it is not set
     * @throws io.github.computejava.HostcallException if the host fails to report its environment
     */
    public static String get(String name) {
        Objects.requireNonNull(name, "name");
        byte[] buf = entries();
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

    /** The NUL-terminated {@code NAME=value} entries of the WASI environment. */
    private static byte[] entries() {
        Hostcalls calls = Host.calls();
        int[] count = new int[1];
        int[] size = new int[1];
        int errno = calls.wasi().environSizesGet(count, size);
        if (errno != 0) {
            throw Statuses.toException(FastlyStatus.ERROR, "wasi_snapshot_preview1.environ_sizes_get");
        }
        byte[] buf = new byte[size[0]];
        errno = calls.wasi().environGet(buf);
        if (errno != 0) {
            throw Statuses.toException(FastlyStatus.ERROR, "wasi_snapshot_preview1.environ_get");
        }
        return buf;
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
