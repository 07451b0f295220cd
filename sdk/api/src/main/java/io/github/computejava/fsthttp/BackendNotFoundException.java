package io.github.computejava.fsthttp;

import io.github.computejava.ComputeException;

/** A request was sent to a backend the service does not define. */
public class BackendNotFoundException extends ComputeException {
    private static final long serialVersionUID = 1L;

    private final String backend;

    /**
     * Creates the exception.
     *
     * @param backend the backend name that was not found
     */
    public BackendNotFoundException(String backend) {
        super("Backend '" + backend + "' is not defined for this service (add it to fastly.toml"
                + " [local_server.backends] for local runs, or to the service on Fastly)");
        this.backend = backend;
    }

    /**
     * The backend name that was not found.
     *
     * @return the name
     */
    public String backend() {
        return backend;
    }
}
