package io.github.computejava;

/** The root of every exception the SDK throws. All are unchecked. */
public class ComputeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public ComputeException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ComputeException(String message, Throwable cause) {
        super(message, cause);
    }
}
