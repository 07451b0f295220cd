package io.github.computejava.server;

/**
 * {@code fastly_cache}, the core cache: every function answers {@code unsupported} until the engine's core cache
 * is wired to the Wasm door. Replace this class to implement the module.
 */
final class CacheImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        r.unsupported(
                "fastly_cache",
                "cache_busy_handle_wait",
                "close",
                "close_busy",
                "get_age_ns",
                "get_body",
                "get_hits",
                "get_length",
                "get_max_age_ns",
                "get_stale_while_revalidate_ns",
                "get_state",
                "get_user_metadata",
                "insert",
                "lookup",
                "replace",
                "replace_get_age_ns",
                "replace_get_body",
                "replace_get_hits",
                "replace_get_length",
                "replace_get_max_age_ns",
                "replace_get_stale_while_revalidate_ns",
                "replace_get_state",
                "replace_get_user_metadata",
                "replace_insert",
                "transaction_cancel",
                "transaction_insert",
                "transaction_insert_and_stream_back",
                "transaction_lookup",
                "transaction_lookup_async",
                "transaction_update");
    }
}
