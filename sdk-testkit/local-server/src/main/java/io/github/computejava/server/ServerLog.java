package io.github.computejava.server;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where the local server writes: progress ({@code -v}) and the guest's output to standard output, errors to
 * standard error, as Fastly's local tools do. Lines are written whole, so concurrent requests never interleave
 * within a line.
 */
final class ServerLog {
    private final PrintStream out;
    private final PrintStream err;
    private final int verbosity;

    ServerLog(PrintStream out, PrintStream err, int verbosity) {
        this.out = out;
        this.err = err;
        this.verbosity = verbosity;
    }

    /** A log writing to the process's standard streams. */
    static ServerLog standard(int verbosity) {
        return new ServerLog(
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8),
                verbosity);
    }

    /** This log at another verbosity. */
    ServerLog withVerbosity(int verbosity) {
        return new ServerLog(out, err, verbosity);
    }

    /** This log writing to other streams. */
    ServerLog withStreams(PrintStream out, PrintStream err) {
        return new ServerLog(out, err, verbosity);
    }

    int verbosity() {
        return verbosity;
    }

    /** A progress line, shown with {@code -v}. */
    void info(String line) {
        if (verbosity >= 1) {
            out.println(line);
        }
    }

    /** A detail line, shown with {@code -vv}. */
    void debug(String line) {
        if (verbosity >= 2) {
            out.println(line);
        }
    }

    /** A line that must always be shown (the listening address). */
    void always(String line) {
        out.println(line);
    }

    /** An error, always shown. */
    void error(String line) {
        err.println(line);
    }

    /** A line the program wrote to its standard output. */
    void stdout(String line) {
        out.println(line);
    }

    /** A line the program wrote to its standard error. */
    void stderr(String line) {
        err.println(line);
    }

    /**
     * A {@code fastly_log} entry: {@code NAME :: message}, a trailing newline dropped and inner newlines shown as
     * {@code \n}; empty entries are skipped.
     */
    void endpoint(String name, String message) {
        String m = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        if (m.isEmpty()) {
            return;
        }
        out.println(name + " :: " + m.replace("\n", "\\n"));
    }
}
