package io.github.computejava.abi;

/**
 * The deprecated {@code fastly_object_store} hostcalls, with the conventions of {@link Hostcalls}: the older
 * interface to the stores of {@link FastlyKvStore}.
 */
public interface FastlyObjectStore {
    // open(name: string) -> (status, object_store_handle)
    int open(byte[] name, int[] storeOut);

    // lookup(store: object_store_handle, key: string, body_handle_out: ptr body_handle) -> status
    int lookup(int store, byte[] key, int[] bodyOut);

    // lookup_async(store, key: string, pending_handle_out: ptr pending_kv_lookup_handle) -> status
    int lookupAsync(int store, byte[] key, int[] pendingOut);

    // pending_lookup_wait(pending_objstr_handle: pending_kv_lookup_handle, body_handle_out: ptr body_handle)
    //   -> status
    int pendingLookupWait(int pending, int[] bodyOut);

    // insert(store, key: string, body_handle: body_handle) -> status
    int insert(int store, byte[] key, int body);

    // insert_async(store, key: string, body_handle, pending_handle_out: ptr pending_kv_insert_handle) -> status
    int insertAsync(int store, byte[] key, int body, int[] pendingOut);

    // pending_insert_wait(pending_objstr_handle: pending_kv_insert_handle) -> status
    int pendingInsertWait(int pending);

    // delete_async(store, key: string, pending_handle_out: ptr pending_kv_delete_handle) -> status
    int deleteAsync(int store, byte[] key, int[] pendingOut);

    // pending_delete_wait(pending_objstr_handle: pending_kv_delete_handle) -> status
    int pendingDeleteWait(int pending);
}
