package io.github.computejava.host.config;

/** A {@code fastly.toml} the local server cannot use; the message names the file, the line and the problem. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message {@code FILE:LINE:COLUMN: problem}
     */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * @param message {@code FILE: problem}
     * @param cause the underlying failure
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
