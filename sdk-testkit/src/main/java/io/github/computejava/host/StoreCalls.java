package io.github.computejava.host;

import io.github.computejava.internal.FastlyStatus;
import io.github.computejava.internal.KvInsertConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The host side of {@code fastly_kv_store} and {@code fastly_secret_store}, over a sandbox's handles. */
final class StoreCalls {
    private StoreCalls() {}

    /** An open KV store. */
    static final class KvHandle {
        final KvStore store;

        KvHandle(KvStore store) {
            this.store = store;
        }
    }

    /** A lookup whose answer is ready: the entry, or none. */
    static final class KvLookup {
        final KvStore.Entry entry;
        final int kvError;

        KvLookup(KvStore.Entry entry, int kvError) {
            this.entry = entry;
            this.kvError = kvError;
        }
    }

    /** An insert or delete whose outcome is ready. */
    static final class KvPending {
        final int kvError;
        final boolean insert;

        KvPending(int kvError, boolean insert) {
            this.kvError = kvError;
            this.insert = insert;
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

    static int kvOpen(HostEngine engine, HandleTable handles, byte[] name, int[] out) {
        KvStore store = engine.kvStore(utf8(name));
        if (store == null) {
            return FastlyStatus.INVAL;
        }
        out[0] = handles.add(new KvHandle(store));
        return FastlyStatus.OK;
    }

    static int kvLookup(HandleTable handles, int store, byte[] key, int mask, int[] out) {
        KvHandle h = handles.get(store, KvHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        if ((mask & ~1) != 0) {
            return FastlyStatus.INVAL;
        }
        String k = utf8(key);
        if (!KvStore.isValidKey(k)) {
            out[0] = handles.add(new KvLookup(null, KvStore.BAD_REQUEST));
            return FastlyStatus.OK;
        }
        KvStore.Entry e = h.store.get(k).orElse(null);
        out[0] = handles.add(new KvLookup(e, e == null ? KvStore.NOT_FOUND : KvStore.OK));
        return FastlyStatus.OK;
    }

    static int kvLookupWait(
            HandleTable handles,
            int lookup,
            int[] bodyOut,
            byte[] metadataBuf,
            int metadataLen,
            int[] nwrittenOut,
            long[] generationOut,
            int[] kvErrorOut) {
        KvLookup l = handles.get(lookup, KvLookup.class);
        if (l == null) {
            return FastlyStatus.BADF;
        }
        if (l.entry == null) {
            handles.remove(lookup);
            kvErrorOut[0] = l.kvError;
            bodyOut[0] = FastlyStatus.INVALID_HANDLE;
            nwrittenOut[0] = 0;
            return FastlyStatus.OK;
        }
        byte[] metadata =
                l.entry.metadata().map(m -> m.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        if (metadata.length > metadataLen) {
            // the handle stays, so the guest can ask again with a buffer of this size
            nwrittenOut[0] = metadata.length;
            return FastlyStatus.BUFLEN;
        }
        handles.remove(lookup);
        System.arraycopy(metadata, 0, metadataBuf, 0, metadata.length);
        nwrittenOut[0] = metadata.length;
        generationOut[0] = l.entry.generation();
        kvErrorOut[0] = KvStore.OK;
        bodyOut[0] = handles.add(BodyBuffer.of(l.entry.rawValue()));
        return FastlyStatus.OK;
    }

    static int kvInsert(
            HandleTable handles, int store, byte[] key, int body, int mask, KvInsertConfig config, int[] out) {
        KvHandle h = handles.get(store, KvHandle.class);
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (h == null || b == null) {
            return FastlyStatus.BADF;
        }
        int known = KvInsertConfig.BACKGROUND_FETCH
                | 1 << 2
                | KvInsertConfig.METADATA
                | KvInsertConfig.TIME_TO_LIVE_SEC
                | KvInsertConfig.IF_GENERATION_MATCH;
        if ((mask & ~known) != 0 || config != null && (config.mode < 0 || config.mode > 3)) {
            return FastlyStatus.INVAL;
        }
        byte[] value;
        try {
            value = b.readAll();
        } catch (IOException e) {
            return FastlyStatus.ERROR;
        }
        handles.remove(body);
        int mode = config == null ? KvInsertConfig.MODE_OVERWRITE : config.mode;
        String metadata = (mask & KvInsertConfig.METADATA) != 0 && config != null && config.metadata != null
                ? new String(config.metadata, StandardCharsets.UTF_8)
                : null;
        Duration ttl = (mask & KvInsertConfig.TIME_TO_LIVE_SEC) != 0 && config != null
                ? Duration.ofSeconds(Integer.toUnsignedLong(config.timeToLiveSec))
                : null;
        long ifGeneration =
                (mask & KvInsertConfig.IF_GENERATION_MATCH) != 0 && config != null ? config.ifGenerationMatch : -1;
        int kvError = h.store.insert(utf8(key), value, mode, metadata, ttl, ifGeneration);
        out[0] = handles.add(new KvPending(kvError, true));
        return FastlyStatus.OK;
    }

    static int kvDelete(HandleTable handles, int store, byte[] key, int mask, int[] out) {
        KvHandle h = handles.get(store, KvHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        if ((mask & ~1) != 0) {
            return FastlyStatus.INVAL;
        }
        out[0] = handles.add(new KvPending(h.store.delete(utf8(key)), false));
        return FastlyStatus.OK;
    }

    static int kvWait(HandleTable handles, int pending, boolean insert, int[] kvErrorOut) {
        KvPending p = handles.get(pending, KvPending.class);
        if (p == null || p.insert != insert) {
            return FastlyStatus.BADF;
        }
        handles.remove(pending);
        kvErrorOut[0] = p.kvError;
        return FastlyStatus.OK;
    }

    static int secretOpen(HostEngine engine, HandleTable handles, byte[] name, int[] out) {
        String n = utf8(name);
        if (n.isEmpty()) {
            return FastlyStatus.INVAL;
        }
        Map<String, byte[]> store = engine.secretStore(n);
        if (store == null) {
            return FastlyStatus.NONE;
        }
        out[0] = handles.add(new SecretStoreHandle(store));
        return FastlyStatus.OK;
    }

    static int secretGet(HandleTable handles, int store, byte[] key, int[] out) {
        SecretStoreHandle s = handles.get(store, SecretStoreHandle.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        String k = utf8(key);
        if (k.isEmpty()) {
            return FastlyStatus.INVAL;
        }
        byte[] secret = s.secrets.get(k);
        if (secret == null) {
            return FastlyStatus.NONE;
        }
        out[0] = handles.add(new Secret(secret));
        return FastlyStatus.OK;
    }

    static int secretPlaintext(HandleTable handles, int secret, byte[] buf, int len, int[] nwrittenOut) {
        Secret s = handles.get(secret, Secret.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        return Buffers.single(s.plaintext, buf, len, nwrittenOut);
    }

    static int secretFromBytes(HandleTable handles, byte[] bytes, int[] out) {
        out[0] = handles.add(new Secret(bytes.clone()));
        return FastlyStatus.OK;
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
