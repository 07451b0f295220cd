package io.github.computejava.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The limits on one execution (one instance of a program): Fastly's documented Compute limits ("Compute resource
 * limits": 50 ms of CPU time and 2 minutes of run time per instance, a 128 MB heap, 32 backend requests, 32
 * dictionary lookups, 200 dynamic backends) and the bounds the local server adds to protect itself (open handles,
 * bytes a program buffers in bodies, the length of a line of its output).
 *
 * <p>Some are enforced, some only reported: the engine refuses handles and buffered body bytes past their bounds
 * ({@code limitexceeded}); the local server ends an instance past its run time, caps its memory and cuts long output
 * lines; CPU time, backend requests, dictionary lookups and dynamic backends are reported per request by {@link
 * #warnings}, since a program running on the JVM takes more CPU than on Fastly and a debugging session should not
 * be cut short. A limit of 0 turns it off. Immutable; build with {@link #builder()}.
 */
public final class ExecutionLimits {
    /** Fastly's limits and the local server's default bounds. */
    public static final ExecutionLimits DEFAULT = builder().build();

    private final Duration cpuTime;
    private final Duration runTime;
    private final long heapBytes;
    private final int backendRequests;
    private final int dictionaryLookups;
    private final int dynamicBackends;
    private final int handles;
    private final long bufferedBodyBytes;
    private final int outputLineBytes;

    private ExecutionLimits(Builder b) {
        this.cpuTime = b.cpuTime;
        this.runTime = b.runTime;
        this.heapBytes = b.heapBytes;
        this.backendRequests = b.backendRequests;
        this.dictionaryLookups = b.dictionaryLookups;
        this.dynamicBackends = b.dynamicBackends;
        this.handles = b.handles;
        this.bufferedBodyBytes = b.bufferedBodyBytes;
        this.outputLineBytes = b.outputLineBytes;
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cpuTime = cpuTime;
        b.runTime = runTime;
        b.heapBytes = heapBytes;
        b.backendRequests = backendRequests;
        b.dictionaryLookups = dictionaryLookups;
        b.dynamicBackends = dynamicBackends;
        b.handles = handles;
        b.bufferedBodyBytes = bufferedBodyBytes;
        b.outputLineBytes = outputLineBytes;
        return b;
    }

    /** CPU time an instance may use on Fastly (50 ms; reported); zero when off. */
    public Duration cpuTime() {
        return cpuTime;
    }

    /** Wall-clock time an instance may run (2 minutes; the local server ends it); zero when off. */
    public Duration runTime() {
        return runTime;
    }

    /** The most linear memory an instance may have (128 MiB; the local server caps it); 0 when off. */
    public long heapBytes() {
        return heapBytes;
    }

    /** Backend requests an instance may make (32; reported); 0 when off. */
    public int backendRequests() {
        return backendRequests;
    }

    /** Dictionary (config store) lookups an instance may make (32; reported); 0 when off. */
    public int dictionaryLookups() {
        return dictionaryLookups;
    }

    /** Dynamic backends a service may register (200; reported); 0 when off. */
    public int dynamicBackends() {
        return dynamicBackends;
    }

    /** Handles an instance may hold open at once (65,536; {@code limitexceeded} past it); 0 when off. */
    public int handles() {
        return handles;
    }

    /**
     * Bytes an instance may hold in bodies it wrote and nobody has read yet (256 MiB; {@code limitexceeded} past
     * it); 0 when off.
     */
    public long bufferedBodyBytes() {
        return bufferedBodyBytes;
    }

    /** The longest line of a program's standard output or error that is printed whole (64 KiB); 0 when off. */
    public int outputLineBytes() {
        return outputLineBytes;
    }

    /**
     * What an execution used beyond Fastly's reported limits, one sentence each, such as {@code "this request used
     * 73 ms of CPU; Fastly stops a program at 50 ms"}.
     *
     * @param usage what the execution used
     * @return the warnings, empty when it stayed within every limit
     * @throws NullPointerException if {@code usage} is null
     */
    public List<String> warnings(ResourceUsage usage) {
        Objects.requireNonNull(usage, "usage");
        List<String> out = new ArrayList<>();
        long cpuMillis = usage.cpuTime().map(Duration::toMillis).orElse(-1L);
        if (!cpuTime.isZero() && cpuMillis > cpuTime.toMillis()) {
            out.add("this request used " + cpuMillis + " ms of CPU; Fastly stops a program at " + cpuTime.toMillis()
                    + " ms");
        }
        if (backendRequests > 0 && usage.backendRequests() > backendRequests) {
            out.add("this request made " + usage.backendRequests() + " backend requests; Fastly allows "
                    + backendRequests + " per execution");
        }
        if (dictionaryLookups > 0 && usage.dictionaryLookups() > dictionaryLookups) {
            out.add("this request made " + usage.dictionaryLookups() + " dictionary lookups; Fastly allows "
                    + dictionaryLookups + " per execution");
        }
        if (dynamicBackends > 0 && usage.dynamicBackends() > dynamicBackends) {
            out.add("the program has registered " + usage.dynamicBackends() + " dynamic backends; Fastly allows "
                    + dynamicBackends + " per service");
        }
        return out;
    }

    @Override
    public String toString() {
        return "ExecutionLimits{cpuTime=" + cpuTime + ", runTime=" + runTime + ", heapBytes=" + heapBytes
                + ", backendRequests=" + backendRequests + ", dictionaryLookups=" + dictionaryLookups
                + ", dynamicBackends=" + dynamicBackends + ", handles=" + handles + ", bufferedBodyBytes="
                + bufferedBodyBytes + ", outputLineBytes=" + outputLineBytes + "}";
    }

    /** Builds {@link ExecutionLimits}; every setter rejects a negative value, and 0 turns a limit off. */
    public static final class Builder {
        private Duration cpuTime = Duration.ofMillis(50);
        private Duration runTime = Duration.ofMinutes(2);
        private long heapBytes = 128L << 20;
        private int backendRequests = 32;
        private int dictionaryLookups = 32;
        private int dynamicBackends = 200;
        private int handles = 65_536;
        private long bufferedBodyBytes = 256L << 20;
        private int outputLineBytes = 64 << 10;

        private Builder() {}

        /** @throws IllegalArgumentException if negative */
        public Builder cpuTime(Duration cpuTime) {
            this.cpuTime = nonNegative(cpuTime, "cpuTime");
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder runTime(Duration runTime) {
            this.runTime = nonNegative(runTime, "runTime");
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder heapBytes(long heapBytes) {
            this.heapBytes = nonNegative(heapBytes, "heapBytes");
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder backendRequests(int backendRequests) {
            this.backendRequests = (int) nonNegative(backendRequests, "backendRequests");
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder dictionaryLookups(int dictionaryLookups) {
            this.dictionaryLookups = (int) nonNegative(dictionaryLookups, "dictionaryLookups");
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder dynamicBackends(int dynamicBackends) {
            this.dynamicBackends = (int) nonNegative(dynamicBackends, "dynamicBackends");
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder handles(int handles) {
            this.handles = (int) nonNegative(handles, "handles");
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder bufferedBodyBytes(long bufferedBodyBytes) {
            this.bufferedBodyBytes = nonNegative(bufferedBodyBytes, "bufferedBodyBytes");
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder outputLineBytes(int outputLineBytes) {
            this.outputLineBytes = (int) nonNegative(outputLineBytes, "outputLineBytes");
            return this;
        }

        /** The limits. */
        public ExecutionLimits build() {
            return new ExecutionLimits(this);
        }

        private static long nonNegative(long value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + ": must not be negative, got " + value);
            }
            return value;
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + ": must not be negative, got " + value);
            }
            return value;
        }
    }
}
