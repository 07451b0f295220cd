package io.github.computejava.server;

/**
 * {@code fastly_http_cache}, the guest-driven HTTP cache: every function answers {@code unsupported} until the
 * engine's readthrough cache is wired to the Wasm door. Replace this class to implement the module.
 */
final class HttpCacheImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        r.unsupported(
                "fastly_http_cache",
                "close",
                "get_age_ns",
                "get_found_response",
                "get_hits",
                "get_length",
                "get_max_age_ns",
                "get_sensitive_data",
                "get_stale_if_error_ns",
                "get_stale_while_revalidate_ns",
                "get_state",
                "get_suggested_backend_request",
                "get_suggested_cache_key",
                "get_suggested_cache_options",
                "get_surrogate_keys",
                "get_vary_rule",
                "is_request_cacheable",
                "lookup",
                "prepare_response_for_storage",
                "transaction_abandon",
                "transaction_choose_stale",
                "transaction_insert",
                "transaction_insert_and_stream_back",
                "transaction_lookup",
                "transaction_record_not_cacheable",
                "transaction_update",
                "transaction_update_and_return_fresh");
    }
}
