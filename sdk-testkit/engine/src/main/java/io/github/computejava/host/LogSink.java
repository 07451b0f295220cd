package io.github.computejava.host;

/** Where {@code fastly_log} lines go. */
@FunctionalInterface
public interface LogSink {
    void write(String endpoint, String line);
}
