package io.github.computejava.fsthttp;

import io.github.computejava.ComputeException;

/** Registering a dynamic backend failed: the name is taken, or the service may not create backends. */
public class BackendRegistrationException extends ComputeException {
    private static final long serialVersionUID = 1L;

    /** Why the registration failed. */
    public enum Reason {
        /** A backend of that name already exists. */
        NAME_IN_USE,
        /** The service is not allowed to register dynamic backends. */
        DISALLOWED,
        /** The host rejected the target or an option. */
        INVALID
    }

    private final String backend;
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param backend the name being registered
     * @param reason why it failed
     */
    public BackendRegistrationException(String backend, Reason reason) {
        super(message(backend, reason));
        this.backend = backend;
        this.reason = reason;
    }

    /**
     * The name being registered.
     *
     * @return the name
     */
    public String backend() {
        return backend;
    }

    /**
     * Why the registration failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    private static String message(String backend, Reason reason) {
        switch (reason) {
            case NAME_IN_USE:
                return "A backend named '" + backend + "' already exists";
            case DISALLOWED:
                return "This service may not register dynamic backends (enable them for the service) ('" + backend
                        + "')";
            default:
                return "The host rejected dynamic backend '" + backend + "': check its target and options";
        }
    }
}
