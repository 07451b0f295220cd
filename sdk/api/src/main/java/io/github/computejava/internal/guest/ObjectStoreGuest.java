package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyObjectStore;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_object_store} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class ObjectStoreGuest {
    private ObjectStoreGuest() {}

    /**
     * The {@code fastly_object_store} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyObjectStore {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // open(name: string) -> (status, object_store_handle)
        @Import(module = "fastly_object_store", name = "open")
        private static native int openImport(Address name, int nameLen, Address storeOut);

        @Override
        public int open(byte[] name, int[] storeOut) {
            return openImport(Address.ofData(name), name.length, Address.ofData(storeOut));
        }

        // lookup(store: object_store_handle, key: string, body_handle_out: ptr body_handle) -> status
        @Import(module = "fastly_object_store", name = "lookup")
        private static native int lookupImport(int store, Address key, int keyLen, Address bodyOut);

        @Override
        public int lookup(int store, byte[] key, int[] bodyOut) {
            return lookupImport(store, Address.ofData(key), key.length, Address.ofData(bodyOut));
        }

        // lookup_async(store, key: string, pending_handle_out: ptr pending_kv_lookup_handle) -> status
        @Import(module = "fastly_object_store", name = "lookup_async")
        private static native int lookupAsyncImport(int store, Address key, int keyLen, Address pendingOut);

        @Override
        public int lookupAsync(int store, byte[] key, int[] pendingOut) {
            return lookupAsyncImport(store, Address.ofData(key), key.length, Address.ofData(pendingOut));
        }

        // pending_lookup_wait(pending_objstr_handle: pending_kv_lookup_handle, body_handle_out: ptr body_handle)
        //   -> status
        @Import(module = "fastly_object_store", name = "pending_lookup_wait")
        private static native int pendingLookupWaitImport(int pending, Address bodyOut);

        @Override
        public int pendingLookupWait(int pending, int[] bodyOut) {
            return pendingLookupWaitImport(pending, Address.ofData(bodyOut));
        }

        // insert(store, key: string, body_handle: body_handle) -> status
        @Import(module = "fastly_object_store", name = "insert")
        private static native int insertImport(int store, Address key, int keyLen, int body);

        @Override
        public int insert(int store, byte[] key, int body) {
            return insertImport(store, Address.ofData(key), key.length, body);
        }

        // insert_async(store, key: string, body_handle, pending_handle_out: ptr pending_kv_insert_handle) -> status
        @Import(module = "fastly_object_store", name = "insert_async")
        private static native int insertAsyncImport(int store, Address key, int keyLen, int body, Address pendingOut);

        @Override
        public int insertAsync(int store, byte[] key, int body, int[] pendingOut) {
            return insertAsyncImport(store, Address.ofData(key), key.length, body, Address.ofData(pendingOut));
        }

        // pending_insert_wait(pending_objstr_handle: pending_kv_insert_handle) -> status
        @Import(module = "fastly_object_store", name = "pending_insert_wait")
        private static native int pendingInsertWaitImport(int pending);

        @Override
        public int pendingInsertWait(int pending) {
            return pendingInsertWaitImport(pending);
        }

        // delete_async(store, key: string, pending_handle_out: ptr pending_kv_delete_handle) -> status
        @Import(module = "fastly_object_store", name = "delete_async")
        private static native int deleteAsyncImport(int store, Address key, int keyLen, Address pendingOut);

        @Override
        public int deleteAsync(int store, byte[] key, int[] pendingOut) {
            return deleteAsyncImport(store, Address.ofData(key), key.length, Address.ofData(pendingOut));
        }

        // pending_delete_wait(pending_objstr_handle: pending_kv_delete_handle) -> status
        @Import(module = "fastly_object_store", name = "pending_delete_wait")
        private static native int pendingDeleteWaitImport(int pending);

        @Override
        public int pendingDeleteWait(int pending) {
            return pendingDeleteWaitImport(pending);
        }
    }
}
