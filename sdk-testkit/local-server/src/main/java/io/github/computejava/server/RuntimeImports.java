package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;

/** {@code fastly_abi} and {@code fastly_compute_runtime}. */
final class RuntimeImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        // init(abi_version: u64) -> status
        r.add("fastly_abi", "init", (g, a) -> g.sandbox().abiInit(a[0]));

        // get_vcpu_ms() -> (status, vcpu_ms u64): CPU time of the thread running the program
        r.add("fastly_compute_runtime", "get_vcpu_ms", (g, a) -> {
            g.memory().checkU64(i32(a, 0));
            long ms = g.cpuMillis();
            if (ms < 0) {
                return FastlyStatus.UNSUPPORTED;
            }
            g.memory().u64(i32(a, 0), ms);
            return FastlyStatus.OK;
        });

        // get_heap_mib() -> (status, memory_mib u32): the linear memory's size, rounded up
        r.add("fastly_compute_runtime", "get_heap_mib", (g, a) -> {
            long mib = (g.memoryBytes() + (1 << 20) - 1) >> 20;
            g.memory().u32(i32(a, 0), (int) Math.min(mib, 0xFFFFFFFFL));
            return FastlyStatus.OK;
        });
    }
}
