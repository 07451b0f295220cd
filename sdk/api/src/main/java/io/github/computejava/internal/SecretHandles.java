package io.github.computejava.internal;

/**
 * The host handle behind a {@code secretstore.Secret}, for the SDK's own calls that take a secret (a dynamic
 * backend's client key): {@code Secret} registers how to read it when its class initializes, so the handle stays
 * out of the public API.
 */
public final class SecretHandles {
    /** Reads a secret's handle. */
    @FunctionalInterface
    public interface Reader {
        /** The handle of {@code secret}, a {@code secretstore.Secret}. */
        int handle(Object secret);
    }

    private static Reader reader;

    private SecretHandles() {}

    /** Called once by {@code Secret}'s static initializer. */
    public static void register(Reader r) {
        reader = r;
    }

    /**
     * The host handle of a secret.
     *
     * @param secret a {@code secretstore.Secret}, whose class has initialized (it has, if an instance exists)
     * @return its {@code secret_handle}
     */
    public static int of(Object secret) {
        return reader.handle(secret);
    }
}
