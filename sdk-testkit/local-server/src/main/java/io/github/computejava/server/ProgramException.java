package io.github.computejava.server;

/** A program the local server cannot run: not WebAssembly, or imports Fastly does not provide. */
public final class ProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the program
     */
    public ProgramException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the program
     * @param cause the underlying failure
     */
    public ProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}
