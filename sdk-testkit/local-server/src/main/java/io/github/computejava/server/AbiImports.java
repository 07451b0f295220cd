package io.github.computejava.server;

/** {@code fastly_abi}: the ABI version handshake. */
final class AbiImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        // init(abi_version: u64) -> status
        r.add("fastly_abi", "init", (g, a) -> g.sandbox().abi().init(a[0]));
    }
}
