package io.github.computejava.host;

import java.util.List;
import java.util.Objects;

/**
 * How a program's run for one client request ended, as the door saw it: normally, or failed with the status the
 * client gets if the program sent no response, a description and the program's stack trace lines. The engine
 * answers the client from it ({@link HostEngine#serve}).
 */
public final class ProgramEnd {
    private static final ProgramEnd NORMAL = new ProgramEnd(200, null, List.of());

    private final int status;
    private final String failure;
    private final List<String> trace;

    private ProgramEnd(int status, String failure, List<String> trace) {
        this.status = status;
        this.failure = failure;
        this.trace = trace;
    }

    /** The program returned: a client it did not answer gets an empty 200, as Fastly's local tools answer. */
    public static ProgramEnd normal() {
        return NORMAL;
    }

    /**
     * The program failed (it threw, trapped, or was ended by a limit): a client it did not answer gets {@code
     * status} with the description as its text (none when empty).
     *
     * @param status the status for an unanswered client, 100 to 599
     * @param failure what happened, empty for no text
     * @param trace the program's stack trace lines, for the engine's view
     * @throws IllegalArgumentException if {@code status} is not a status
     * @throws NullPointerException if {@code failure} or {@code trace} is null
     */
    public static ProgramEnd failed(int status, String failure, List<String> trace) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status: " + status + " is not an HTTP status");
        }
        return new ProgramEnd(status, Objects.requireNonNull(failure, "failure"), List.copyOf(trace));
    }

    /** Whether the program failed. */
    public boolean isFailure() {
        return failure != null;
    }

    /** The status an unanswered client gets. */
    public int status() {
        return status;
    }

    /** What happened, for a failure; empty for a normal end. */
    public String failure() {
        return failure == null ? "" : failure;
    }

    /** The program's stack trace lines, for a failure. */
    public List<String> trace() {
        return trace;
    }

    /** How one client request's program runs on the sandbox the engine gives it. */
    @FunctionalInterface
    public interface Run {
        /**
         * Runs the program on {@code sandbox} until it ends.
         *
         * @param sandbox the client request's sandbox
         * @return how it ended
         */
        ProgramEnd run(Sandbox sandbox);
    }
}
