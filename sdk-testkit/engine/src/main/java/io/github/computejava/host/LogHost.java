package io.github.computejava.host;

import io.github.computejava.abi.FastlyLog;
import io.github.computejava.abi.FastlyStatus;
import java.nio.charset.StandardCharsets;

/** {@code fastly_log}: endpoints whose lines go to the engine's {@link LogSink}. */
final class LogHost implements FastlyLog {
    private final Sandbox sandbox;
    private final HostEngine engine;
    private final HandleTable handles;

    /** A {@code fastly_log} endpoint. */
    static final class LogEndpoint {
        final String name;

        LogEndpoint(String name) {
            this.name = name;
        }
    }

    LogHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.engine = sandbox.engine();
        this.handles = sandbox.handles();
    }

    @Override
    public int endpointGet(byte[] name, int[] endpointOut) {
        String n = Buffers.latin1(name);
        if (n.isEmpty() || !engine.logEndpointAllowed(n)) {
            return FastlyStatus.INVAL;
        }
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        endpointOut[0] = handles.add(new LogEndpoint(n));
        return FastlyStatus.OK;
    }

    @Override
    public int write(int endpoint, byte[] msg, int off, int len, int[] nwrittenOut) {
        LogEndpoint e = handles.get(endpoint, LogEndpoint.class);
        if (e == null) {
            return FastlyStatus.BADF;
        }
        engine.log(sandbox, e.name, new String(msg, off, len, StandardCharsets.UTF_8));
        nwrittenOut[0] = len;
        return FastlyStatus.OK;
    }
}
