package io.github.computejava.abi;

/** The {@code fastly_kv_store} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyKvStore {
    /** {@code kv_error.uninitialized}. */
    int KV_ERROR_UNINITIALIZED = 0;
    /** {@code kv_error.ok}. */
    int KV_ERROR_OK = 1;
    /** {@code kv_error.bad_request}. */
    int KV_ERROR_BAD_REQUEST = 2;
    /** {@code kv_error.not_found}. */
    int KV_ERROR_NOT_FOUND = 3;
    /** {@code kv_error.precondition_failed}. */
    int KV_ERROR_PRECONDITION_FAILED = 4;
    /** {@code kv_error.payload_too_large}. */
    int KV_ERROR_PAYLOAD_TOO_LARGE = 5;
    /** {@code kv_error.internal_error}. */
    int KV_ERROR_INTERNAL_ERROR = 6;
    /** {@code kv_error.too_many_requests}. */
    int KV_ERROR_TOO_MANY_REQUESTS = 7;

    /** {@code kv_list_config_options.cursor}. */
    int LIST_CURSOR = 1 << 1;
    /** {@code kv_list_config_options.limit}. */
    int LIST_LIMIT = 1 << 2;
    /** {@code kv_list_config_options.prefix}. */
    int LIST_PREFIX = 1 << 3;

    /**
     * The size of a {@code kv_list_config} record, all u32 fields: mode @0, cursor pointer @4 and length @8, limit
     * @12, prefix pointer @16 and length @20.
     */
    int LIST_CONFIG_SIZE = 24;

    int LIST_CONFIG_OFF_MODE = 0;
    int LIST_CONFIG_OFF_CURSOR = 4;
    int LIST_CONFIG_OFF_CURSOR_LEN = 8;
    int LIST_CONFIG_OFF_LIMIT = 12;
    int LIST_CONFIG_OFF_PREFIX = 16;
    int LIST_CONFIG_OFF_PREFIX_LEN = 20;

    // open(name: string) -> (status, kv_store_handle)
    int open(byte[] name, int[] storeOut);

    // lookup(store, key: string, lookup_config_mask: kv_lookup_config_options, lookup_configuration: ptr
    //   kv_lookup_config, handle_out: ptr kv_store_lookup_handle) -> status
    int lookup(int store, byte[] key, int mask, byte[] config, int[] lookupOut);

    // lookup_wait(handle, body_handle_out: ptr body_handle, metadata_buf: ptr char8, metadata_buf_len: usize,
    //   nwritten_out: ptr usize, generation_out: ptr u32, kv_error_out: ptr kv_error) -> status
    int lookupWait(
            int lookup,
            int[] bodyOut,
            byte[] metadataBuf,
            int metadataLen,
            int[] nwrittenOut,
            int[] generationOut,
            int[] kvErrorOut);

    // lookup_wait_v2(handle, body_handle_out: ptr body_handle, metadata_buf: ptr char8, metadata_buf_len: usize,
    //   nwritten_out: ptr usize, generation_out: ptr u64, kv_error_out: ptr kv_error) -> status
    int lookupWaitV2(
            int lookup,
            int[] bodyOut,
            byte[] metadataBuf,
            int metadataLen,
            int[] nwrittenOut,
            long[] generationOut,
            int[] kvErrorOut);

    // insert(store, key: string, body_handle, insert_config_mask: kv_insert_config_options,
    //   insert_configuration: ptr kv_insert_config, handle_out: ptr kv_store_insert_handle) -> status
    int insert(int store, byte[] key, int body, int mask, KvInsertConfig config, int[] insertOut);

    // insert_wait(handle, kv_error_out: ptr kv_error) -> status
    int insertWait(int insert, int[] kvErrorOut);

    // delete(store, key: string, delete_config_mask: kv_delete_config_options,
    //   delete_configuration: ptr kv_delete_config, handle_out: ptr kv_store_delete_handle) -> status
    int delete(int store, byte[] key, int mask, byte[] config, int[] deleteOut);

    // delete_wait(handle, kv_error_out: ptr kv_error) -> status
    int deleteWait(int delete, int[] kvErrorOut);

    // list(store, list_config_mask: kv_list_config_options, list_configuration: ptr kv_list_config,
    //   handle_out: ptr kv_store_list_handle) -> status; the record's fields (mode, cursor, limit, prefix) are
    //   passed one by one, null for no text
    int list(int store, int mask, int mode, byte[] cursor, int limit, byte[] prefix, int[] listOut);

    // list_wait(handle, body_handle_out: ptr body_handle, kv_error_out: ptr kv_error) -> status
    int listWait(int list, int[] bodyOut, int[] kvErrorOut);
}
