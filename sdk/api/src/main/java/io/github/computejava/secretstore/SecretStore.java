package io.github.computejava.secretstore;

import io.github.computejava.StoreNotFoundException;
import io.github.computejava.internal.guest.SecretStoreGuest;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret store linked to the service: credentials kept out of the program.
 *
 * <pre>{@code
 * String token = SecretStore.open("credentials").get("api-token").orElseThrow().plaintextText();
 * }</pre>
 */
public final class SecretStore {
    private final SecretStoreGuest.Store store;
    private final String name;

    private SecretStore(SecretStoreGuest.Store store, String name) {
        this.store = store;
        this.name = name;
    }

    /**
     * Opens a store by name.
     *
     * @param name the store name
     * @return the store
     * @throws StoreNotFoundException if the service has no such store
     * @throws IllegalArgumentException if {@code name} is empty or not valid
     * @throws NullPointerException if {@code name} is null
     * @throws io.github.computejava.HostcallException if the host fails otherwise
     */
    public static SecretStore open(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: a secret store name cannot be empty");
        }
        SecretStoreGuest.Store store = SecretStoreGuest.open(name);
        if (store == null) {
            throw new StoreNotFoundException("secret store", name);
        }
        return new SecretStore(store, name);
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
     * A secret by name.
     *
     * @param key the secret name
     * @return the secret, or empty when the store has no such secret
     * @throws IllegalArgumentException if {@code key} is not a valid secret name
     * @throws NullPointerException if {@code key} is null
     * @throws io.github.computejava.HostcallException if the host fails otherwise
     */
    public Optional<Secret> get(String key) {
        Objects.requireNonNull(key, "key");
        SecretStoreGuest.Secret secret = store.get(key);
        return secret == null ? Optional.empty() : Optional.of(new Secret(secret));
    }

    @Override
    public String toString() {
        return "SecretStore{" + name + "}";
    }
}
