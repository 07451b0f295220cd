package io.github.computejava.abi;

/** The {@code fastly_kv_store} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyKvStore {
    // open(name: string) -> (status, kv_store_handle)
    int kvStoreOpen(byte[] name, int[] storeOut);

    // lookup(store, key: string, mask: kv_lookup_config_options, config: ptr kv_lookup_config,
    //   handle_out: ptr kv_store_lookup_handle) -> status
    int kvStoreLookup(int store, byte[] key, int mask, byte[] config, int[] lookupOut);

    // lookup_wait_v2(h, body_handle_out: ptr body_handle, metadata_buf: ptr char8, metadata_buf_len: usize,
    //   nwritten_out: ptr usize, generation_out: ptr u64, kv_error_out: ptr kv_error) -> status
    int kvStoreLookupWaitV2(
            int lookup,
            int[] bodyOut,
            byte[] metadataBuf,
            int metadataLen,
            int[] nwrittenOut,
            long[] generationOut,
            int[] kvErrorOut);

    // insert(store, key: string, body: body_handle, mask: kv_insert_config_options,
    //   config: ptr kv_insert_config, handle_out: ptr kv_store_insert_handle) -> status
    int kvStoreInsert(int store, byte[] key, int body, int mask, KvInsertConfig config, int[] insertOut);

    // insert_wait(h, kv_error_out: ptr kv_error) -> status
    int kvStoreInsertWait(int insert, int[] kvErrorOut);

    // delete(store, key: string, mask: kv_delete_config_options, config: ptr kv_delete_config,
    //   handle_out: ptr kv_store_delete_handle) -> status
    int kvStoreDelete(int store, byte[] key, int mask, byte[] config, int[] deleteOut);

    // delete_wait(h, kv_error_out: ptr kv_error) -> status
    int kvStoreDeleteWait(int delete, int[] kvErrorOut);

    // list(store, mask: kv_list_config_options, config: ptr kv_list_config, handle_out: ptr kv_store_list_handle)
    //   -> status; the record's fields (mode, cursor, limit, prefix) are passed one by one, null for no text
    int kvStoreList(int store, int mask, int mode, byte[] cursor, int limit, byte[] prefix, int[] listOut);

    // list_wait(h, body_handle_out: ptr body_handle, kv_error_out: ptr kv_error) -> status
    int kvStoreListWait(int list, int[] bodyOut, int[] kvErrorOut);
}
