package io.github.computejava.host;

import io.github.computejava.abi.FastlyObjectStore;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.KvStoreHost.KvResult;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.store.KvStore;

/**
 * {@code fastly_object_store}: the deprecated interface to the KV stores, over {@link KvStoreHost}. A missing key
 * is {@code none}; a failed insert or delete is {@code error}.
 */
final class ObjectStoreHost implements FastlyObjectStore {
    private final Sandbox sandbox;
    private final HandleTable handles;

    ObjectStoreHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    @Override
    public int open(byte[] name, int[] storeOut) {
        return kv().open(name, storeOut);
    }

    /** {@code lookup}: {@code none} when the key is absent. */
    @Override
    public int lookup(int store, byte[] key, int[] bodyOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        int[] h = new int[1];
        int status = kv().lookupKey(store, key, h);
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

    @Override
    public int lookupAsync(int store, byte[] key, int[] pendingOut) {
        return kv().lookupKey(store, key, pendingOut);
    }

    /** {@code pending_lookup_wait}: {@code none} when the key is absent. */
    @Override
    public int pendingLookupWait(int pending, int[] bodyOut) {
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

    /** {@code insert}: overwrites the key with the body's bytes and waits for the outcome. */
    @Override
    public int insert(int store, byte[] key, int body) {
        int[] pending = new int[1];
        int status = insertAsync(store, key, body, pending);
        return status == FastlyStatus.OK ? pendingInsertWait(pending[0]) : status;
    }

    @Override
    public int insertAsync(int store, byte[] key, int body, int[] pendingOut) {
        return kv().insertValue(store, key, body, 0, null, -1, null, pendingOut);
    }

    @Override
    public int pendingInsertWait(int pending) {
        return outcomeWait(pending);
    }

    @Override
    public int deleteAsync(int store, byte[] key, int[] pendingOut) {
        return kv().deleteKey(store, key, pendingOut);
    }

    @Override
    public int pendingDeleteWait(int pending) {
        return outcomeWait(pending);
    }

    /** {@code pending_insert_wait} and {@code pending_delete_wait}: deleting a missing key succeeds. */
    private int outcomeWait(int pending) {
        int[] kvError = new int[1];
        int status = kv().outcomeWait(pending, kvError);
        if (status != FastlyStatus.OK) {
            return status;
        }
        return kvError[0] == KvStore.Outcome.OK.code() || kvError[0] == KvStore.Outcome.NOT_FOUND.code()
                ? FastlyStatus.OK
                : FastlyStatus.ERROR;
    }

    private KvStoreHost kv() {
        return sandbox.kvStoreHost();
    }
}
