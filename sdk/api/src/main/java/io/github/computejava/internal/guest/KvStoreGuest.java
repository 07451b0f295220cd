package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;
import static io.github.computejava.internal.guest.Addresses.orEmpty;

import io.github.computejava.abi.FastlyKvStore;
import io.github.computejava.abi.KvInsertConfig;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_kv_store} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class KvStoreGuest {
    private KvStoreGuest() {}

    /**
     * The {@code fastly_kv_store} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyKvStore {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // open(name: string) -> (status, kv_store_handle)
        @Import(module = "fastly_kv_store", name = "open")
        private static native int openImport(Address name, int len, Address storeOut);

        @Override
        public int open(byte[] name, int[] storeOut) {
            return openImport(Address.ofData(name), name.length, Address.ofData(storeOut));
        }

        // lookup(store, key: string, lookup_config_mask: kv_lookup_config_options, lookup_configuration: ptr
        //   kv_lookup_config, handle_out: ptr kv_store_lookup_handle) -> status
        @Import(module = "fastly_kv_store", name = "lookup")
        private static native int lookupImport(
                int store, Address key, int keyLen, int mask, Address config, Address lookupOut);

        @Override
        public int lookup(int store, byte[] key, int mask, byte[] config, int[] lookupOut) {
            return lookupImport(
                    store, Address.ofData(key), key.length, mask, Address.ofData(config), Address.ofData(lookupOut));
        }

        // lookup_wait(handle, body_handle_out: ptr body_handle, metadata_buf: ptr char8, metadata_buf_len: usize,
        //   nwritten_out: ptr usize, generation_out: ptr u32, kv_error_out: ptr kv_error) -> status
        @Import(module = "fastly_kv_store", name = "lookup_wait")
        private static native int lookupWaitImport(
                int lookup,
                Address bodyOut,
                Address metadataBuf,
                int metadataLen,
                Address nwrittenOut,
                Address generationOut,
                Address kvErrorOut);

        @Override
        public int lookupWait(
                int lookup,
                int[] bodyOut,
                byte[] metadataBuf,
                int metadataLen,
                int[] nwrittenOut,
                int[] generationOut,
                int[] kvErrorOut) {
            return lookupWaitImport(
                    lookup,
                    Address.ofData(bodyOut),
                    Address.ofData(metadataBuf),
                    metadataLen,
                    Address.ofData(nwrittenOut),
                    Address.ofData(generationOut),
                    Address.ofData(kvErrorOut));
        }

        // lookup_wait_v2(handle, body_handle_out: ptr body_handle, metadata_buf: ptr char8, metadata_buf_len: usize,
        //   nwritten_out: ptr usize, generation_out: ptr u64, kv_error_out: ptr kv_error) -> status
        @Import(module = "fastly_kv_store", name = "lookup_wait_v2")
        private static native int lookupWaitV2Import(
                int lookup,
                Address bodyOut,
                Address metadataBuf,
                int metadataLen,
                Address nwrittenOut,
                Address generationOut,
                Address kvErrorOut);

        @Override
        public int lookupWaitV2(
                int lookup,
                int[] bodyOut,
                byte[] metadataBuf,
                int metadataLen,
                int[] nwrittenOut,
                long[] generationOut,
                int[] kvErrorOut) {
            long[] slot = new long[2];
            int status = lookupWaitV2Import(
                    lookup,
                    Address.ofData(bodyOut),
                    Address.ofData(metadataBuf),
                    metadataLen,
                    Address.ofData(nwrittenOut),
                    aligned(slot),
                    Address.ofData(kvErrorOut));
            generationOut[0] = aligned(slot).getLong();
            return status;
        }

        // insert(store, key: string, body_handle, insert_config_mask: kv_insert_config_options,
        //   insert_configuration: ptr kv_insert_config, handle_out: ptr kv_store_insert_handle) -> status
        @Import(module = "fastly_kv_store", name = "insert")
        private static native int insertImport(
                int store, Address key, int keyLen, int body, int mask, Address config, Address insertOut);

        @Override
        public int insert(int store, byte[] key, int body, int mask, KvInsertConfig config, int[] insertOut) {
            // the record holds a u64, so it lives 8-aligned inside a long[]; both arrays are allocated before any
            // address is taken
            long[] scratch = new long[KvInsertConfig.SIZE / 8 + 1];
            byte[] metadata = orEmpty(config.metadata);
            Address record = aligned(scratch);
            record.add(KvInsertConfig.OFF_MODE).putInt(config.mode);
            record.add(KvInsertConfig.OFF_METADATA)
                    .putInt(Address.ofData(metadata).toInt());
            record.add(KvInsertConfig.OFF_METADATA_LEN).putInt(metadata.length);
            record.add(KvInsertConfig.OFF_TIME_TO_LIVE_SEC).putInt(config.timeToLiveSec);
            record.add(KvInsertConfig.OFF_IF_GENERATION_MATCH).putLong(config.ifGenerationMatch);
            return insertImport(store, Address.ofData(key), key.length, body, mask, record, Address.ofData(insertOut));
        }

        // insert_wait(handle, kv_error_out: ptr kv_error) -> status
        @Import(module = "fastly_kv_store", name = "insert_wait")
        private static native int insertWaitImport(int insert, Address kvErrorOut);

        @Override
        public int insertWait(int insert, int[] kvErrorOut) {
            return insertWaitImport(insert, Address.ofData(kvErrorOut));
        }

        // delete(store, key: string, delete_config_mask: kv_delete_config_options,
        //   delete_configuration: ptr kv_delete_config, handle_out: ptr kv_store_delete_handle) -> status
        @Import(module = "fastly_kv_store", name = "delete")
        private static native int deleteImport(
                int store, Address key, int keyLen, int mask, Address config, Address deleteOut);

        @Override
        public int delete(int store, byte[] key, int mask, byte[] config, int[] deleteOut) {
            return deleteImport(
                    store, Address.ofData(key), key.length, mask, Address.ofData(config), Address.ofData(deleteOut));
        }

        // delete_wait(handle, kv_error_out: ptr kv_error) -> status
        @Import(module = "fastly_kv_store", name = "delete_wait")
        private static native int deleteWaitImport(int delete, Address kvErrorOut);

        @Override
        public int deleteWait(int delete, int[] kvErrorOut) {
            return deleteWaitImport(delete, Address.ofData(kvErrorOut));
        }

        // list(store, list_config_mask: kv_list_config_options, list_configuration: ptr kv_list_config,
        //   handle_out: ptr kv_store_list_handle) -> status; the record's fields (mode, cursor, limit, prefix) are
        //   passed one by one, null for no text
        @Import(module = "fastly_kv_store", name = "list")
        private static native int listImport(int store, int mask, Address config, Address listOut);

        @Override
        public int list(int store, int mask, int mode, byte[] cursor, int limit, byte[] prefix, int[] listOut) {
            // kv_list_config has u32 fields only: an int[] will do; every array exists before an address is taken
            int[] record = new int[LIST_CONFIG_SIZE / 4];
            byte[] c = orEmpty(cursor);
            byte[] p = orEmpty(prefix);
            record[LIST_CONFIG_OFF_MODE / 4] = mode;
            record[LIST_CONFIG_OFF_CURSOR / 4] = Address.ofData(c).toInt();
            record[LIST_CONFIG_OFF_CURSOR_LEN / 4] = c.length;
            record[LIST_CONFIG_OFF_LIMIT / 4] = limit;
            record[LIST_CONFIG_OFF_PREFIX / 4] = Address.ofData(p).toInt();
            record[LIST_CONFIG_OFF_PREFIX_LEN / 4] = p.length;
            return listImport(store, mask, Address.ofData(record), Address.ofData(listOut));
        }

        // list_wait(handle, body_handle_out: ptr body_handle, kv_error_out: ptr kv_error) -> status
        @Import(module = "fastly_kv_store", name = "list_wait")
        private static native int listWaitImport(int list, Address bodyOut, Address kvErrorOut);

        @Override
        public int listWait(int list, int[] bodyOut, int[] kvErrorOut) {
            return listWaitImport(list, Address.ofData(bodyOut), Address.ofData(kvErrorOut));
        }
    }
}
