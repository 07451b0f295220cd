package io.github.computejava.host;

import io.github.computejava.abi.WasiPreview1;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The WASI preview 1 calls the SDK makes itself, for the JVM door (the Wasm door's WASI serves {@code main.wasm}):
 * the environment, and both clocks read from the engine's, as the Wasm door's WASI does.
 */
final class WasiPreview1Host implements WasiPreview1 {
    /** WASI errno {@code inval}. */
    private static final int EINVAL = 28;

    /** WASI errno {@code notsup}. */
    private static final int ENOTSUP = 58;

    private final Sandbox sandbox;

    WasiPreview1Host(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public int environSizesGet(int[] countOut, int[] bufSizeOut) {
        byte[] env = environBytes();
        int count = 0;
        for (byte b : env) {
            count += b == 0 ? 1 : 0;
        }
        countOut[0] = count;
        bufSizeOut[0] = env.length;
        return 0;
    }

    @Override
    public int environGet(byte[] buf) {
        byte[] env = environBytes();
        if (buf.length < env.length) {
            return EINVAL;
        }
        System.arraycopy(env, 0, buf, 0, env.length);
        return 0;
    }

    @Override
    public int clockTimeGet(int clockId, long precision, long[] timeOut) {
        if (clockId != 0 && clockId != 1) {
            // the CPU-time clocks are not offered; other ids are not clocks
            return clockId == 2 || clockId == 3 ? ENOTSUP : EINVAL;
        }
        Instant now = sandbox.engine().clock().instant();
        timeOut[0] = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return 0;
    }

    private byte[] environBytes() {
        StringBuilder sb = new StringBuilder();
        String traceId = Integer.toHexString(System.identityHashCode(sandbox));
        for (Map.Entry<String, String> e : sandbox.engine().environment(traceId).entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\0');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
