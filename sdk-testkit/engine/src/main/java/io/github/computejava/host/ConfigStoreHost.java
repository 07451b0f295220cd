package io.github.computejava.host;

import io.github.computejava.abi.FastlyConfigStore;
import io.github.computejava.abi.FastlyStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code fastly_config_store}: the engine's config stores, read-only. */
class ConfigStoreHost implements FastlyConfigStore {
    private final Sandbox sandbox;
    private final HostEngine engine;
    private final HandleTable handles;

    /** An open config store (or dictionary). */
    static final class ConfigStoreHandle {
        final Map<String, String> entries;

        ConfigStoreHandle(Map<String, String> entries) {
            this.entries = entries;
        }
    }

    ConfigStoreHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.engine = sandbox.engine();
        this.handles = sandbox.handles();
    }

    /** {@code open}: {@code badf} for a store the service does not have. */
    @Override
    public int open(byte[] name, int[] storeOut) {
        Map<String, String> store = engine.configStore(Buffers.latin1(name));
        if (store == null) {
            return FastlyStatus.BADF;
        }
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        storeOut[0] = handles.add(new ConfigStoreHandle(store));
        return FastlyStatus.OK;
    }

    /** {@code get}: {@code none} for a key the store does not have; each answer counts as a lookup. */
    @Override
    public int get(int store, byte[] key, byte[] buf, int len, int[] nwrittenOut) {
        ConfigStoreHandle s = handles.get(store, ConfigStoreHandle.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        String value = s.entries.get(new String(key, StandardCharsets.UTF_8));
        if (value == null) {
            sandbox.countDictionaryLookup();
            return FastlyStatus.NONE;
        }
        int status = Buffers.single(value.getBytes(StandardCharsets.UTF_8), buf, len, nwrittenOut);
        if (status != FastlyStatus.BUFLEN) {
            sandbox.countDictionaryLookup();
        }
        return status;
    }
}
