package io.github.computejava.secretstore;

import io.github.computejava.StoreNotFoundException;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
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
    private final Hostcalls calls;
    private final int handle;
    private final String name;

    private SecretStore(Hostcalls calls, int handle, String name) {
        this.calls = calls;
        this.handle = handle;
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
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        int status = calls.secretStoreOpen(Text.utf8(name), out);
        if (status == FastlyStatus.NONE) {
            throw new StoreNotFoundException("secret store", name);
        }
        if (status == FastlyStatus.INVAL) {
            throw new IllegalArgumentException("name: '" + name + "' is not a valid secret store name");
        }
        Statuses.check(status, "fastly_secret_store.open");
        return new SecretStore(calls, out[0], name);
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
        int[] out = new int[1];
        int status = calls.secretStoreGet(handle, Text.utf8(key), out);
        if (status == FastlyStatus.NONE) {
            return Optional.empty();
        }
        if (status == FastlyStatus.INVAL) {
            throw new IllegalArgumentException("key: '" + key + "' is not a valid secret name");
        }
        Statuses.check(status, "fastly_secret_store.get");
        return Optional.of(new Secret(calls, out[0]));
    }

    @Override
    public String toString() {
        return "SecretStore{" + name + "}";
    }
}
