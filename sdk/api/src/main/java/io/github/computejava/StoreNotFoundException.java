package io.github.computejava;

/** A program opened a config, KV or secret store that the service does not link. */
public class StoreNotFoundException extends ComputeException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;

    /**
     * Creates the exception.
     *
     * @param kind what was opened, such as {@code config store}
     * @param name the store name
     */
    public StoreNotFoundException(String kind, String name) {
        super("No " + kind + " named '" + name + "' is linked to this service (for local runs, define it in"
                + " fastly.toml [local_server])");
        this.kind = kind;
        this.name = name;
    }

    /**
     * What was opened.
     *
     * @return {@code config store}, {@code KV store} or {@code secret store}
     */
    public String kind() {
        return kind;
    }

    /**
     * The store name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }
}
