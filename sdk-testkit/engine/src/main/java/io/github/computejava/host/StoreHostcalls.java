package io.github.computejava.host;

import io.github.computejava.abi.FastlyStatus;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The store hostcalls of a sandbox: dictionaries ({@code fastly_dictionary}, the same stores as config stores),
 * KV stores ({@code fastly_kv_store}, and the deprecated {@code fastly_object_store} over the same stores) and
 * secret stores ({@code fastly_secret_store}). KV operations complete at once; their handles hold the outcome
 * until the program waits on them. Methods follow the conventions of {@code Hostcalls}.
 */
public final class StoreHostcalls {
    private final Sandbox sandbox;
    private final HandleTable handles;

    /** An open KV store. */
    static final class KvHandle {
        final KvStore store;

        KvHandle(KvStore store) {
            this.store = store;
        }
    }

    /** A finished KV operation waiting to be collected: its outcome, and for lookups the entry or list page. */
    static final class KvResult implements AsyncItem {
        final KvStore.Outcome outcome;
        final KvStore.Entry entry;
        final byte[] page;

        KvResult(KvStore.Outcome outcome, KvStore.Entry entry, byte[] page) {
            this.outcome = outcome;
            this.entry = entry;
            this.page = page;
        }

        /** The store answers when the operation starts, so its wait never waits. */
        @Override
        public boolean isReady() {
            return true;
        }
    }

    /** An open secret store. */
    static final class SecretStoreHandle {
        final Map<String, byte[]> secrets;

        SecretStoreHandle(Map<String, byte[]> secrets) {
            this.secrets = secrets;
        }
    }

    /** A secret's plaintext. */
    static final class Secret {
        final byte[] plaintext;

        Secret(byte[] plaintext) {
            this.plaintext = plaintext;
        }
    }

    StoreHostcalls(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    // ---- fastly_dictionary

    /** {@code fastly_dictionary.open}: config stores and dictionaries are the same stores. */
    public int dictionaryOpen(byte[] name, int[] out) {
        return sandbox.configStoreOpen(name, out);
    }

    /** {@code fastly_dictionary.get}. */
    public int dictionaryGet(int dictionary, byte[] key, byte[] buf, int len, int[] nwrittenOut) {
        return sandbox.configStoreGet(dictionary, key, buf, len, nwrittenOut);
    }

    // ---- fastly_kv_store

    /** {@code open}: {@code inval} for an unknown store. */
    public int kvOpen(byte[] name, int[] out) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        KvStore store = sandbox.engine().kvStore(utf8(name));
        if (store == null) {
            return FastlyStatus.INVAL;
        }
        out[0] = handles.add(new KvHandle(store));
        return FastlyStatus.OK;
    }

    /** {@code lookup}: {@code inval} for a malformed key. */
    public int kvLookup(int store, byte[] key, int[] handleOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        KvHandle s = handles.get(store, KvHandle.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        String k = utf8(key);
        if (k == null || !KvStore.isValidKey(k)) {
            return FastlyStatus.INVAL;
        }
        Optional<KvStore.Entry> e = s.store.lookup(k);
        handleOut[0] = handles.add(
                new KvResult(e.isPresent() ? KvStore.Outcome.OK : KvStore.Outcome.NOT_FOUND, e.orElse(null), null));
        return FastlyStatus.OK;
    }

    /**
     * {@code lookup_wait} and {@code lookup_wait_v2}: the entry's body and metadata. The metadata length goes to
     * {@code nwrittenOut}; {@code buflen} when it does not fit (the body handle is then not created).
     *
     * @param out receives {body handle, generation, kv_error}
     */
    public int kvLookupWait(int lookup, byte[] metadataBuf, int metadataLen, int[] nwrittenOut, long[] out) {
        KvResult r = handles.get(lookup, KvResult.class);
        if (r == null || r.page != null) {
            return FastlyStatus.BADF;
        }
        out[2] = r.outcome.code();
        if (r.entry == null) {
            handles.remove(lookup);
            return FastlyStatus.OK;
        }
        byte[] meta = r.entry.metadata();
        nwrittenOut[0] = meta.length;
        if (meta.length > metadataLen) {
            return FastlyStatus.BUFLEN;
        }
        handles.remove(lookup);
        System.arraycopy(meta, 0, metadataBuf, 0, meta.length);
        out[0] = handles.add(BodyBuffer.of(r.entry.value()));
        out[1] = r.entry.generation();
        return FastlyStatus.OK;
    }

    /**
     * {@code insert}: stores the body's bytes (read to its end).
     *
     * @param mode {@code kv_insert_mode}
     * @param metadata the metadata, or null
     * @param ttlSeconds the time to live, or a negative value for none
     * @param ifGeneration the required generation, or null
     */
    public int kvInsert(
            int store,
            byte[] key,
            int body,
            int mode,
            byte[] metadata,
            long ttlSeconds,
            Long ifGeneration,
            int[] handleOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        KvHandle s = handles.get(store, KvHandle.class);
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (s == null || b == null) {
            return FastlyStatus.BADF;
        }
        String k = utf8(key);
        if (k == null || !KvStore.isValidKey(k) || mode < 0 || mode >= KvStore.InsertMode.values().length) {
            return FastlyStatus.INVAL;
        }
        handles.remove(body);
        byte[] value;
        try {
            value = b.readAll();
        } catch (IOException e) {
            return FastlyStatus.ERROR;
        }
        Duration ttl = ttlSeconds < 0 ? null : Duration.ofSeconds(ttlSeconds);
        KvStore.Outcome outcome =
                s.store.insert(k, value, KvStore.InsertMode.values()[mode], metadata, ttl, ifGeneration);
        handleOut[0] = handles.add(new KvResult(outcome, null, null));
        return FastlyStatus.OK;
    }

    /** {@code insert_wait} and {@code delete_wait}: the outcome as a {@code kv_error}. */
    public int kvOutcomeWait(int pending, int[] kvErrorOut) {
        KvResult r = handles.get(pending, KvResult.class);
        if (r == null || r.entry != null || r.page != null) {
            return FastlyStatus.BADF;
        }
        handles.remove(pending);
        kvErrorOut[0] = r.outcome.code();
        return FastlyStatus.OK;
    }

    /** {@code delete}. */
    public int kvDelete(int store, byte[] key, int[] handleOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        KvHandle s = handles.get(store, KvHandle.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        String k = utf8(key);
        if (k == null || !KvStore.isValidKey(k)) {
            return FastlyStatus.INVAL;
        }
        handleOut[0] = handles.add(new KvResult(s.store.delete(k), null, null));
        return FastlyStatus.OK;
    }

    /**
     * {@code list}: a page of keys as JSON.
     *
     * @param cursor the cursor, or null
     * @param prefix the prefix, or null
     * @param limit the page size, or 0 for the default
     */
    public int kvList(int store, String cursor, String prefix, int limit, int[] handleOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        KvHandle s = handles.get(store, KvHandle.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        Optional<byte[]> page = s.store.list(cursor, prefix, limit);
        handleOut[0] = handles.add(page.map(p -> new KvResult(KvStore.Outcome.OK, null, p))
                .orElseGet(() -> new KvResult(KvStore.Outcome.BAD_REQUEST, null, new byte[0])));
        return FastlyStatus.OK;
    }

    /** {@code list_wait}: the page as a body. */
    public int kvListWait(int pending, int[] bodyOut, int[] kvErrorOut) {
        KvResult r = handles.get(pending, KvResult.class);
        if (r == null || r.page == null) {
            return FastlyStatus.BADF;
        }
        handles.remove(pending);
        kvErrorOut[0] = r.outcome.code();
        if (r.outcome == KvStore.Outcome.OK) {
            bodyOut[0] = handles.add(BodyBuffer.of(r.page));
        }
        return FastlyStatus.OK;
    }

    // ---- fastly_object_store (deprecated; the same stores)

    /** {@code fastly_object_store.lookup}: {@code none} when the key is absent. */
    public int objectLookup(int store, byte[] key, int[] bodyOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        int[] h = new int[1];
        int status = kvLookup(store, key, h);
        if (status != FastlyStatus.OK) {
            return status;
        }
        KvResult r = handles.take(h[0], KvResult.class);
        if (r.entry == null) {
            return FastlyStatus.NONE;
        }
        bodyOut[0] = handles.add(BodyBuffer.of(r.entry.value()));
        return FastlyStatus.OK;
    }

    /** {@code fastly_object_store.pending_lookup_wait}: {@code none} when the key is absent. */
    public int objectLookupWait(int pending, int[] bodyOut) {
        KvResult r = handles.get(pending, KvResult.class);
        if (r == null || r.page != null) {
            return FastlyStatus.BADF;
        }
        handles.remove(pending);
        if (r.entry == null) {
            return FastlyStatus.NONE;
        }
        bodyOut[0] = handles.add(BodyBuffer.of(r.entry.value()));
        return FastlyStatus.OK;
    }

    /** {@code fastly_object_store.insert}: overwrites the key with the body's bytes. */
    public int objectInsert(int store, byte[] key, int body, int[] handleOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        int status = kvInsert(store, key, body, 0, null, -1, null, handleOut);
        if (status != FastlyStatus.OK) {
            return status;
        }
        KvResult r = handles.get(handleOut[0], KvResult.class);
        return r.outcome == KvStore.Outcome.OK ? FastlyStatus.OK : FastlyStatus.ERROR;
    }

    /** {@code fastly_object_store.pending_insert_wait} and {@code pending_delete_wait}. */
    public int objectOutcomeWait(int pending) {
        int[] kvError = new int[1];
        int status = kvOutcomeWait(pending, kvError);
        if (status != FastlyStatus.OK) {
            return status;
        }
        return kvError[0] == KvStore.Outcome.OK.code() || kvError[0] == KvStore.Outcome.NOT_FOUND.code()
                ? FastlyStatus.OK
                : FastlyStatus.ERROR;
    }

    // ---- fastly_secret_store

    /** {@code open}: {@code none} for an unknown store. */
    public int secretStoreOpen(byte[] name, int[] out) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        Map<String, byte[]> store = sandbox.engine().secretStore(utf8(name));
        if (store == null) {
            return FastlyStatus.NONE;
        }
        out[0] = handles.add(new SecretStoreHandle(store));
        return FastlyStatus.OK;
    }

    /** {@code get}: {@code none} for an unknown secret. */
    public int secretGet(int store, byte[] name, int[] out) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        SecretStoreHandle s = handles.get(store, SecretStoreHandle.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        byte[] plaintext = s.secrets.get(utf8(name));
        if (plaintext == null) {
            return FastlyStatus.NONE;
        }
        out[0] = handles.add(new Secret(plaintext));
        return FastlyStatus.OK;
    }

    /** {@code plaintext}. */
    public int secretPlaintext(int secret, byte[] buf, int len, int[] nwrittenOut) {
        Secret s = handles.get(secret, Secret.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        return Buffers.single(s.plaintext, buf, len, nwrittenOut);
    }

    /** {@code from_bytes}: a secret made by the program. */
    public int secretFromBytes(byte[] plaintext, int[] out) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        out[0] = handles.add(new Secret(plaintext.clone()));
        return FastlyStatus.OK;
    }

    /** The text of a witx {@code string}, or null when it is not UTF-8. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
