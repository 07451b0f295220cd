package io.github.computejava.server;

import com.dylibso.chicory.runtime.Instance;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.Sandbox;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.ToIntFunction;

/**
 * One running program instance as its hostcalls see it: the sandbox holding its handles, its memory, and the
 * marshalling helpers every hostcall shares (output buffers with {@code buflen} retries, multi-value cursors).
 * Used by the one thread running the instance.
 */
final class Guest {
    /** The largest scratch buffer a hostcall gets before it knows the size it needs. */
    private static final int SCRATCH_CAP = 1 << 20;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Sandbox sandbox;
    private final ServerLog log;
    private GuestMemory memory;
    private Instance instance;
    private byte[] scratch = new byte[0];
    private long cpuStartNanos = -1;

    Guest(Sandbox sandbox, ServerLog log) {
        this.sandbox = sandbox;
        this.log = log;
    }

    /** A guest over a memory without an instance (tests of the marshalling). */
    Guest(Sandbox sandbox, ServerLog log, com.dylibso.chicory.runtime.Memory memory) {
        this(sandbox, log);
        this.memory = new GuestMemory(memory);
    }

    Sandbox sandbox() {
        return sandbox;
    }

    HostEngine engine() {
        return sandbox.engine();
    }

    ServerLog log() {
        return log;
    }

    /** Binds the instance whose memory the hostcalls use (on its first hostcall). */
    void bind(Instance instance) {
        if (this.instance != instance) {
            this.instance = instance;
            this.memory = new GuestMemory(instance.memory());
        }
    }

    GuestMemory memory() {
        if (memory == null) {
            throw GuestFault.inval("the program has no memory");
        }
        return memory;
    }

    /** Starts counting the CPU time of the running thread ({@code fastly_compute_runtime.get_vcpu_ms}). */
    void startClock() {
        cpuStartNanos = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** CPU milliseconds used by the program so far, or -1 when the JVM cannot tell. */
    long cpuMillis() {
        if (cpuStartNanos < 0) {
            return -1;
        }
        return (THREADS.getCurrentThreadCpuTime() - cpuStartNanos) / 1_000_000L;
    }

    /** The size of the program's memory in bytes. */
    long memoryBytes() {
        return instance == null ? 0 : (long) instance.memory().pages() * 65536L;
    }

    // ---- marshalling helpers

    /** A host call that fills a buffer: the conventions of {@code Hostcalls} for output buffers. */
    @FunctionalInterface
    interface BufferCall {
        int call(byte[] buf, int len, int[] nwrittenOut);
    }

    /** A host call that fills a buffer with whole NUL-terminated values from a cursor. */
    @FunctionalInterface
    interface MultiCall {
        int call(byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);
    }

    /**
     * Runs a call that writes up to {@code len} bytes, then copies them to {@code ptr} and their count to {@code
     * nwrittenPtr}; on {@code buflen} only the needed size is written. The guest's ranges are checked first, so a
     * bad pointer changes nothing.
     */
    int out(int ptr, int len, int nwrittenPtr, BufferCall call) {
        GuestMemory m = memory();
        m.check(ptr, len);
        m.checkU32(nwrittenPtr);
        int[] nwritten = new int[1];
        int capped = (int) Math.min(Integer.toUnsignedLong(len), SCRATCH_CAP);
        byte[] buf = scratch(capped);
        int status = call.call(buf, capped, nwritten);
        if (status == FastlyStatus.BUFLEN
                && capped < Integer.toUnsignedLong(len)
                && Integer.toUnsignedLong(nwritten[0]) <= Integer.toUnsignedLong(len)) {
            capped = nwritten[0];
            buf = scratch(capped);
            status = call.call(buf, capped, nwritten);
        }
        if (status == FastlyStatus.OK) {
            m.write(ptr, buf, 0, nwritten[0]);
            m.u32(nwrittenPtr, nwritten[0]);
        } else if (status == FastlyStatus.BUFLEN) {
            m.u32(nwrittenPtr, nwritten[0]);
        }
        return status;
    }

    /**
     * Runs a multi-value call: whole NUL-terminated values to {@code ptr}, the ending cursor (an {@code s64}, -1
     * when done) to {@code endingCursorPtr}, the byte count to {@code nwrittenPtr}.
     */
    int multi(int ptr, int len, int cursor, int endingCursorPtr, int nwrittenPtr, MultiCall call) {
        GuestMemory m = memory();
        m.check(ptr, len);
        m.checkU64(endingCursorPtr);
        m.checkU32(nwrittenPtr);
        int[] nwritten = new int[1];
        long[] ending = new long[1];
        int capped = (int) Math.min(Integer.toUnsignedLong(len), SCRATCH_CAP);
        byte[] buf = scratch(capped);
        int status = call.call(buf, capped, cursor, ending, nwritten);
        if (status == FastlyStatus.BUFLEN
                && capped < Integer.toUnsignedLong(len)
                && Integer.toUnsignedLong(nwritten[0]) <= Integer.toUnsignedLong(len)) {
            capped = nwritten[0];
            buf = scratch(capped);
            status = call.call(buf, capped, cursor, ending, nwritten);
        }
        if (status == FastlyStatus.OK) {
            m.write(ptr, buf, 0, nwritten[0]);
            m.u64(endingCursorPtr, ending[0]);
            m.u32(nwrittenPtr, nwritten[0]);
        } else if (status == FastlyStatus.BUFLEN) {
            m.u32(nwrittenPtr, nwritten[0]);
        }
        return status;
    }

    /**
     * Runs a call with one {@code u32} result and writes the result to {@code ptr} on {@code ok}; the pointer is
     * checked first, so a bad pointer changes nothing.
     */
    int u32Out(int ptr, ToIntFunction<int[]> call) {
        memory().checkU32(ptr);
        int[] out = new int[1];
        return outU32(call.applyAsInt(out), ptr, out[0]);
    }

    /** As {@link #u32Out}, for a call with one {@code u64} result. */
    int u64Out(int ptr, ToIntFunction<long[]> call) {
        memory().checkU64(ptr);
        long[] out = new long[1];
        int status = call.applyAsInt(out);
        if (status == FastlyStatus.OK) {
            memory().u64(ptr, out[0]);
        }
        return status;
    }

    /** Writes {@code value} to {@code ptr} as a {@code u32} when {@code status} is {@code ok}. */
    int outU32(int status, int ptr, int value) {
        if (status == FastlyStatus.OK) {
            memory().u32(ptr, value);
        }
        return status;
    }

    private byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, Math.min(SCRATCH_CAP, scratch.length * 2))];
        }
        return scratch;
    }
}
