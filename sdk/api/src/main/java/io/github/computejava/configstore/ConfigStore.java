package io.github.computejava.configstore;

import io.github.computejava.StoreNotFoundException;
import io.github.computejava.internal.guest.ConfigStoreGuest;
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
    private final ConfigStoreGuest.Store store;
    private final String name;

    private ConfigStore(ConfigStoreGuest.Store store, String name) {
        this.store = store;
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
        ConfigStoreGuest.Store store = ConfigStoreGuest.open(name);
        if (store == null) {
            throw new StoreNotFoundException("config store", name);
        }
        return new ConfigStore(store, name);
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
        return store.get(Objects.requireNonNull(key, "key"));
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
