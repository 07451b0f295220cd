package io.github.computejava.host;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one execution used of what {@link ExecutionLimits} bounds: backend requests and dictionary lookups (counted
 * by the engine, so both doors report them), CPU time and memory (measured by the local server only), and the
 * limits it ran into. Immutable.
 */
public final class ResourceUsage {
    private final int backendRequests;
    private final int dictionaryLookups;
    private final int dynamicBackends;
    private final Duration cpuTime;
    private final long heapBytes;
    private final List<String> refusals;

    ResourceUsage(
            int backendRequests,
            int dictionaryLookups,
            int dynamicBackends,
            Duration cpuTime,
            long heapBytes,
            List<String> refusals) {
        this.backendRequests = backendRequests;
        this.dictionaryLookups = dictionaryLookups;
        this.dynamicBackends = dynamicBackends;
        this.cpuTime = cpuTime;
        this.heapBytes = heapBytes;
        this.refusals = List.copyOf(refusals);
    }

    /** Requests sent to backends ({@code send} and its variants, asynchronous ones included). */
    public int backendRequests() {
        return backendRequests;
    }

    /** Lookups in config stores and dictionaries. */
    public int dictionaryLookups() {
        return dictionaryLookups;
    }

    /** Dynamic backends registered on the engine when the execution ended (Fastly's limit is per service). */
    public int dynamicBackends() {
        return dynamicBackends;
    }

    /** CPU time the instance used, when it was measured (the local server measures it; the JVM door does not). */
    public Optional<Duration> cpuTime() {
        return Optional.ofNullable(cpuTime);
    }

    /** The largest linear memory the instance had, when it was measured (the local server). */
    public OptionalLong heapBytes() {
        return heapBytes < 0 ? OptionalLong.empty() : OptionalLong.of(heapBytes);
    }

    /** What the host refused because of a limit, one sentence each, in order (empty when nothing was). */
    public List<String> refusals() {
        return refusals;
    }

    /**
     * This usage with the CPU time and memory a door measured.
     *
     * @param cpuTime the CPU time, or null when unknown
     * @param heapBytes the largest linear memory, or -1 when unknown
     * @param moreRefusals further refusals the door made (memory growth, output lines)
     * @return the combined usage
     */
    public ResourceUsage withMeasured(Duration cpuTime, long heapBytes, List<String> moreRefusals) {
        Objects.requireNonNull(moreRefusals, "moreRefusals");
        List<String> all = new java.util.ArrayList<>(refusals);
        all.addAll(moreRefusals);
        return new ResourceUsage(backendRequests, dictionaryLookups, dynamicBackends, cpuTime, heapBytes, all);
    }

    @Override
    public String toString() {
        return "ResourceUsage{backendRequests=" + backendRequests + ", dictionaryLookups=" + dictionaryLookups
                + ", dynamicBackends=" + dynamicBackends + ", cpuTime=" + cpuTime + ", heapBytes=" + heapBytes
                + ", refusals=" + refusals + "}";
    }
}
