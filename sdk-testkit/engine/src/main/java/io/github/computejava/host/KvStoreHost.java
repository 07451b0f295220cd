package io.github.computejava.host;

import io.github.computejava.abi.FastlyKvStore;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.KvInsertConfig;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.store.KvStore;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code fastly_kv_store}: the engine's KV stores ({@code fastly_object_store} is the older interface to the same
 * stores, {@link ObjectStoreHost}). Operations complete at once; their handles hold the outcome until the program
 * waits on them.
 */
final class KvStoreHost implements FastlyKvStore {
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

    KvStoreHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    // ---- fastly_kv_store

    /** {@code open}: {@code inval} for an unknown store. */
    @Override
    public int open(byte[] name, int[] out) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        KvStore store = sandbox.engine().kvStore(Buffers.utf8(name));
        if (store == null) {
            return FastlyStatus.INVAL;
        }
        out[0] = handles.add(new KvHandle(store));
        return FastlyStatus.OK;
    }

    /** {@code lookup}: {@code inval} for a malformed key; the lookup configuration has no options. */
    @Override
    public int lookup(int store, byte[] key, int mask, byte[] config, int[] lookupOut) {
        return lookupKey(store, key, lookupOut);
    }

    /** {@code lookup}, and {@code fastly_object_store.lookup_async}. */
    int lookupKey(int store, byte[] key, int[] handleOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        KvHandle s = handles.get(store, KvHandle.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        String k = Buffers.utf8(key);
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
    private int collect(int lookup, byte[] metadataBuf, int metadataLen, int[] nwrittenOut, long[] out) {
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

    /** {@code lookup_wait}: as {@code lookup_wait_v2}, but the first version reports no generation (0). */
    @Override
    public int lookupWait(
            int lookup,
            int[] bodyOut,
            byte[] metadataBuf,
            int metadataLen,
            int[] nwrittenOut,
            int[] generationOut,
            int[] kvErrorOut) {
        long[] generation = new long[1];
        int status = lookupWaitV2(lookup, bodyOut, metadataBuf, metadataLen, nwrittenOut, generation, kvErrorOut);
        if (status == FastlyStatus.OK) {
            generationOut[0] = 0;
        }
        return status;
    }

    /**
     * {@code lookup_wait_v2}: the entry's body (the invalid handle when there is none), metadata and generation,
     * and the outcome as a {@code kv_error}; {@code buflen} when the metadata does not fit.
     */
    @Override
    public int lookupWaitV2(
            int lookup,
            int[] bodyOut,
            byte[] metadataBuf,
            int metadataLen,
            int[] nwrittenOut,
            long[] generationOut,
            int[] kvErrorOut) {
        long[] out = {FastlyStatus.INVALID_HANDLE, 0, 0};
        int status = collect(lookup, metadataBuf, metadataLen, nwrittenOut, out);
        if (status == FastlyStatus.OK) {
            bodyOut[0] = (int) out[0];
            generationOut[0] = out[1];
            kvErrorOut[0] = (int) out[2];
        }
        return status;
    }

    /** {@code insert}: the fields of {@code kv_insert_config} its mask names. */
    @Override
    public int insert(int store, byte[] key, int body, int mask, KvInsertConfig config, int[] insertOut) {
        KvInsertConfig c = config == null ? new KvInsertConfig() : config;
        byte[] metadata = (mask & KvInsertConfig.METADATA) != 0 ? c.metadata : null;
        long ttl = (mask & KvInsertConfig.TIME_TO_LIVE_SEC) != 0 ? c.timeToLiveSec & 0xFFFFFFFFL : -1;
        Long ifGeneration = (mask & KvInsertConfig.IF_GENERATION_MATCH) != 0 ? c.ifGenerationMatch : null;
        return insertValue(store, key, body, c.mode, metadata, ttl, ifGeneration, insertOut);
    }

    /**
     * {@code insert}, and {@code fastly_object_store.insert_async}: stores the body's bytes (read to its end).
     *
     * @param mode {@code kv_insert_mode}
     * @param metadata the metadata, or null
     * @param ttlSeconds the time to live, or a negative value for none
     * @param ifGeneration the required generation, or null
     */
    int insertValue(
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
        String k = Buffers.utf8(key);
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

    @Override
    public int insertWait(int insert, int[] kvErrorOut) {
        return outcomeWait(insert, kvErrorOut);
    }

    @Override
    public int deleteWait(int delete, int[] kvErrorOut) {
        return outcomeWait(delete, kvErrorOut);
    }

    /** {@code insert_wait} and {@code delete_wait}: the outcome as a {@code kv_error}. */
    int outcomeWait(int pending, int[] kvErrorOut) {
        KvResult r = handles.get(pending, KvResult.class);
        if (r == null || r.entry != null || r.page != null) {
            return FastlyStatus.BADF;
        }
        handles.remove(pending);
        kvErrorOut[0] = r.outcome.code();
        return FastlyStatus.OK;
    }

    /** {@code delete}: the delete configuration has no options. */
    @Override
    public int delete(int store, byte[] key, int mask, byte[] config, int[] deleteOut) {
        return deleteKey(store, key, deleteOut);
    }

    /** {@code delete}, and {@code fastly_object_store.delete_async}. */
    int deleteKey(int store, byte[] key, int[] handleOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        KvHandle s = handles.get(store, KvHandle.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        String k = Buffers.utf8(key);
        if (k == null || !KvStore.isValidKey(k)) {
            return FastlyStatus.INVAL;
        }
        handleOut[0] = handles.add(new KvResult(s.store.delete(k), null, null));
        return FastlyStatus.OK;
    }

    /**
     * {@code list}: the fields of {@code kv_list_config} its mask names; an empty cursor or prefix is {@code inval}.
     * Lists are always consistent here, so the mode does not matter.
     */
    @Override
    public int list(int store, int mask, int mode, byte[] cursor, int limit, byte[] prefix, int[] listOut) {
        String c = (mask & LIST_CURSOR) != 0 ? listText(cursor) : null;
        String p = (mask & LIST_PREFIX) != 0 ? listText(prefix) : null;
        if ((c == null && (mask & LIST_CURSOR) != 0) || (p == null && (mask & LIST_PREFIX) != 0)) {
            return FastlyStatus.INVAL;
        }
        return listPage(store, c, p, (mask & LIST_LIMIT) != 0 ? limit : 0, listOut);
    }

    private static String listText(byte[] text) {
        return text == null || text.length == 0 ? null : new String(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A page of keys as JSON.
     *
     * @param cursor the cursor, or null
     * @param prefix the prefix, or null
     * @param limit the page size, or 0 for the default
     */
    private int listPage(int store, String cursor, String prefix, int limit, int[] handleOut) {
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
    @Override
    public int listWait(int pending, int[] bodyOut, int[] kvErrorOut) {
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
}
