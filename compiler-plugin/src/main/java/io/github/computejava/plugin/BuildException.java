package io.github.computejava.plugin;

/** A problem with the user's program or project that stops the build; the message says what to fix. */
public final class BuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
