package io.github.computejava.server;

/**
 * {@code fastly_purge}: answers {@code unsupported} until the engine's purge is wired to the Wasm door. Replace
 * this class to implement the module.
 */
final class PurgeImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        r.unsupported("fastly_purge", "purge_surrogate_key");
    }
}
