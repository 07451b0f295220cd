package io.github.computejava.configstore;

import io.github.computejava.StoreNotFoundException;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only config store linked to the service: small string values read at the edge.
 *
 * <pre>{@code
 * Optional<String> greeting = ConfigStore.open("settings").get("greeting");
 * }</pre>
 */
public final class ConfigStore {
    private static final int VALUE_BUFFER = 256;

    private final Hostcalls calls;
    private final int handle;
    private final String name;

    private ConfigStore(Hostcalls calls, int handle, String name) {
        this.calls = calls;
        this.handle = handle;
        this.name = name;
    }

    /**
     * Opens a store by name.
     *
     * @param name the store name (case-sensitive)
     * @return the store
     * @throws StoreNotFoundException if the service has no such store
     * @throws IllegalArgumentException if {@code name} is empty
     * @throws NullPointerException if {@code name} is null
     * @throws io.github.computejava.HostcallException if the host fails otherwise
     */
    public static ConfigStore open(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: a config store name cannot be empty");
        }
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        int status = calls.configStoreOpen(Text.utf8(name), out);
        if (status == FastlyStatus.BADF) {
            throw new StoreNotFoundException("config store", name);
        }
        Statuses.check(status, "fastly_config_store.open");
        return new ConfigStore(calls, out[0], name);
    }

    /**
     * The store name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The value of a key.
     *
     * @param key the key
     * @return the value, or empty when the store has no such key
     * @throws NullPointerException if {@code key} is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public Optional<String> get(String key) {
        byte[] k = Text.utf8(Objects.requireNonNull(key, "key"));
        byte[] value = AdaptiveBuffer.get(
                (buf, len, nw) -> calls.configStoreGet(handle, k, buf, len, nw),
                VALUE_BUFFER,
                "fastly_config_store.get");
        return value == null ? Optional.empty() : Optional.of(Text.utf8(value, 0, value.length));
    }

    /**
     * Whether the store has a key.
     *
     * @param key the key
     * @return true when it does
     * @throws NullPointerException if {@code key} is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public boolean contains(String key) {
        return get(key).isPresent();
    }

    @Override
    public String toString() {
        return "ConfigStore{" + name + "}";
    }
}
