package io.github.computejava.fsthttp;

import io.github.computejava.ComputeException;

/** An HTTP status code outside 100..999 was given for a response. */
public class InvalidStatusException extends ComputeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the exception.
     *
     * @param status the rejected status code
     */
    public InvalidStatusException(int status) {
        super("Invalid HTTP status code " + status + " (expected 100..999)");
        this.status = status;
    }

    /**
     * The rejected status code.
     *
     * @return the code
     */
    public int status() {
        return status;
    }
}
