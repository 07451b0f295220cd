package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;
import static io.github.computejava.internal.guest.Addresses.orEmpty;

import io.github.computejava.HostcallException;
import io.github.computejava.abi.FastlyKvStore;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.abi.KvInsertConfig;
import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_kv_store} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and {@link Store}, an open store's typed calls over them. Each operation answers a {@code kv_error}
 * ({@link #OK}, {@link #NOT_FOUND}, ...); a key or option the host rejects ({@code inval}) is {@link #BAD_REQUEST},
 * and every other status is an exception.
 */
public final class KvStoreGuest {
    /** {@code kv_error} ok. */
    public static final int OK = FastlyKvStore.KV_ERROR_OK;
    /** {@code kv_error} bad_request, and a key or option the host rejects. */
    public static final int BAD_REQUEST = FastlyKvStore.KV_ERROR_BAD_REQUEST;
    /** {@code kv_error} not_found. */
    public static final int NOT_FOUND = FastlyKvStore.KV_ERROR_NOT_FOUND;
    /** {@code kv_error} precondition_failed. */
    public static final int PRECONDITION_FAILED = FastlyKvStore.KV_ERROR_PRECONDITION_FAILED;
    /** {@code kv_error} payload_too_large. */
    public static final int PAYLOAD_TOO_LARGE = FastlyKvStore.KV_ERROR_PAYLOAD_TOO_LARGE;
    /** {@code kv_error} too_many_requests. */
    public static final int TOO_MANY_REQUESTS = FastlyKvStore.KV_ERROR_TOO_MANY_REQUESTS;

    /** Metadata is at most 2000 bytes on Fastly; a little room for a confused host. */
    private static final int METADATA_BUFFER = 2048;

    private KvStoreGuest() {}

    /**
     * Opens a KV store by name.
     *
     * @param name the store name
     * @return the store, or null when the service links no such store ({@code none}, or {@code inval})
     * @throws io.github.computejava.HostcallException if the host fails otherwise
     */
    public static Store open(String name) {
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        int status = calls.kvStore().open(Text.utf8(name), out);
        if (status == FastlyStatus.INVAL || status == FastlyStatus.NONE) {
            return null;
        }
        Statuses.check(status, "fastly_kv_store.open");
        return new Store(calls, out[0]);
    }

    /**
     * The {@code list_config_options} mask for a listing's options.
     *
     * @param cursor the cursor, or null
     * @param limit the page size, or 0
     * @param prefix the prefix, or null
     * @return the mask
     */
    public static int listMask(String cursor, int limit, String prefix) {
        return (prefix == null ? 0 : FastlyKvStore.LIST_PREFIX)
                | (limit == 0 ? 0 : FastlyKvStore.LIST_LIMIT)
                | (cursor == null ? 0 : FastlyKvStore.LIST_CURSOR);
    }

    /** An open KV store. */
    public static final class Store {
        private final Hostcalls calls;
        private final int handle;

        private Store(Hostcalls calls, int handle) {
            this.calls = calls;
            this.handle = handle;
        }

        /**
         * Looks a key up and waits for the answer.
         *
         * @param key the key's bytes
         * @return the answer: its {@code kv_error}, and for {@link #OK} the value's body, metadata and generation
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public Lookup lookup(byte[] key) {
            int[] lookup = new int[1];
            int status = calls.kvStore().lookup(handle, key, 0, new byte[4], lookup);
            if (status == FastlyStatus.INVAL) {
                return new Lookup(calls, BAD_REQUEST, -1, null, 0);
            }
            Statuses.check(status, "fastly_kv_store.lookup");
            int[] body = new int[1];
            int[] nwritten = new int[1];
            long[] generation = new long[1];
            int[] kvError = new int[1];
            byte[] metadata = new byte[METADATA_BUFFER];
            status = calls.kvStore()
                    .lookupWaitV2(lookup[0], body, metadata, metadata.length, nwritten, generation, kvError);
            if (status == FastlyStatus.BUFLEN) {
                metadata = new byte[nwritten[0]];
                status = calls.kvStore()
                        .lookupWaitV2(lookup[0], body, metadata, metadata.length, nwritten, generation, kvError);
            }
            Statuses.check(status, "fastly_kv_store.lookup_wait_v2");
            if (kvError[0] != OK) {
                return new Lookup(calls, kvError[0], -1, null, 0);
            }
            String meta = nwritten[0] == 0 ? null : Text.utf8(metadata, 0, nwritten[0]);
            return new Lookup(calls, OK, body[0], meta, generation[0]);
        }

        /**
         * Stores a value and waits for the answer.
         *
         * @param key the key's bytes
         * @param value the value
         * @param mode the {@code kv_insert_mode}, in witx order (overwrite, add, append, prepend)
         * @param metadata the metadata, or null for none
         * @param ttlSeconds the time to live in seconds, or -1 for none
         * @param ifGenerationMatch the generation the current value must have, or -1 for no precondition
         * @return the {@code kv_error}
         * @throws io.github.computejava.HostcallException if the host fails a call
         */
        public int insert(
                byte[] key, byte[] value, int mode, String metadata, long ttlSeconds, long ifGenerationMatch) {
            int[] body = new int[1];
            Statuses.check(calls.httpBody().new_(body), "fastly_http_body.new");
            int[] nw = new int[1];
            int off = 0;
            while (off < value.length) {
                Statuses.check(
                        calls.httpBody().write(body[0], value, off, value.length - off, 0, nw),
                        "fastly_http_body.write");
                if (nw[0] <= 0) {
                    throw Statuses.toException(FastlyStatus.ERROR, "fastly_http_body.write");
                }
                off += nw[0];
            }
            int mask = 0;
            KvInsertConfig c = new KvInsertConfig();
            c.mode = mode;
            if (metadata != null) {
                mask |= KvInsertConfig.METADATA;
                c.metadata = Text.utf8(metadata);
            }
            if (ttlSeconds >= 0) {
                mask |= KvInsertConfig.TIME_TO_LIVE_SEC;
                c.timeToLiveSec = (int) ttlSeconds;
            }
            if (ifGenerationMatch >= 0) {
                mask |= KvInsertConfig.IF_GENERATION_MATCH;
                c.ifGenerationMatch = ifGenerationMatch;
            }
            int[] insert = new int[1];
            int status = calls.kvStore().insert(handle, key, body[0], mask, c, insert);
            if (status == FastlyStatus.INVAL) {
                return BAD_REQUEST;
            }
            Statuses.check(status, "fastly_kv_store.insert");
            int[] kvError = new int[1];
            Statuses.check(calls.kvStore().insertWait(insert[0], kvError), "fastly_kv_store.insert_wait");
            return kvError[0];
        }

        /**
         * Deletes a key and waits for the answer.
         *
         * @param key the key's bytes
         * @return the {@code kv_error} ({@link #NOT_FOUND} when the key did not exist)
         * @throws io.github.computejava.HostcallException if the host fails a call
         */
        public int delete(byte[] key) {
            int[] pending = new int[1];
            int status = calls.kvStore().delete(handle, key, 0, new byte[4], pending);
            if (status == FastlyStatus.INVAL) {
                return BAD_REQUEST;
            }
            Statuses.check(status, "fastly_kv_store.delete");
            int[] kvError = new int[1];
            Statuses.check(calls.kvStore().deleteWait(pending[0], kvError), "fastly_kv_store.delete_wait");
            return kvError[0];
        }

        /**
         * Lists one page of keys and waits for it.
         *
         * @param cursor where to continue, or null from the start
         * @param limit the page size, or 0 for the host's
         * @param prefix the keys' prefix, or null for all keys
         * @param eventual whether an eventually consistent answer will do
         * @return the page: its {@code kv_error}, and for {@link #OK} the host's JSON text
         * @throws io.github.computejava.HostcallException if the host fails a call or the page cannot be read
         */
        public Page list(String cursor, int limit, String prefix, boolean eventual) {
            int mask = listMask(cursor, limit, prefix);
            int[] pending = new int[1];
            int status = calls.kvStore()
                    .list(
                            handle,
                            mask,
                            eventual ? 1 : 0,
                            cursor == null ? null : Text.utf8(cursor),
                            limit,
                            prefix == null ? null : Text.utf8(prefix),
                            pending);
            if (status == FastlyStatus.INVAL) {
                return new Page(BAD_REQUEST, null);
            }
            Statuses.check(status, "fastly_kv_store.list");
            int[] body = new int[1];
            int[] kvError = new int[1];
            Statuses.check(calls.kvStore().listWait(pending[0], body, kvError), "fastly_kv_store.list_wait");
            if (kvError[0] != OK) {
                return new Page(kvError[0], null);
            }
            try (BodyInput in = BodyInput.of(calls, body[0])) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return new Page(OK, Text.utf8(bytes.toByteArray(), 0, bytes.size()));
            } catch (IOException e) {
                throw new HostcallException("fastly_kv_store.list_wait", "error", "reading the page failed: " + e);
            }
        }
    }

    /** A lookup's answer. */
    public static final class Lookup {
        private final Hostcalls calls;
        private final int error;
        private final int body;
        private final String metadata;
        private final long generation;

        private Lookup(Hostcalls calls, int error, int body, String metadata, long generation) {
            this.calls = calls;
            this.error = error;
            this.body = body;
            this.metadata = metadata;
            this.generation = generation;
        }

        /**
         * The {@code kv_error}.
         *
         * @return {@link #OK}, {@link #NOT_FOUND} or a failure
         */
        public int error() {
            return error;
        }

        /**
         * The value's metadata.
         *
         * @return the metadata, or null when it has none
         */
        public String metadata() {
            return metadata;
        }

        /**
         * The value's generation.
         *
         * @return the generation
         */
        public long generation() {
            return generation;
        }

        /**
         * The value as a stream, read once; the body is closed when the stream reaches its end.
         *
         * @return the stream, whose reads fail with an {@link IOException} naming the status when the host fails one
         */
        public InputStream body() {
            return new InputStream() {
                private final int[] n = new int[1];
                private boolean eof;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int r = read(one, 0, 1);
                    return r < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (eof) {
                        return -1;
                    }
                    if (len == 0) {
                        return 0;
                    }
                    int status = calls.httpBody().read(body, b, off, len, n);
                    if (status != FastlyStatus.OK) {
                        throw new IOException(Statuses.toException(status, "fastly_http_body.read")
                                .getMessage());
                    }
                    if (n[0] == 0) {
                        eof = true;
                        calls.httpBody().close(body);
                        return -1;
                    }
                    return n[0];
                }
            };
        }
    }

    /** A list's answer. */
    public static final class Page {
        private final int error;
        private final String json;

        private Page(int error, String json) {
            this.error = error;
            this.json = json;
        }

        /**
         * The {@code kv_error}.
         *
         * @return {@link #OK} or a failure
         */
        public int error() {
            return error;
        }

        /**
         * The page as the host's JSON text.
         *
         * @return the text, or null unless {@link #error()} is {@link #OK}
         */
        public String json() {
            return json;
        }
    }

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
