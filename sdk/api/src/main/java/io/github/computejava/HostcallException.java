package io.github.computejava;

/** A call into the Fastly host failed; the message names the hostcall and the status it returned. */
public class HostcallException extends ComputeException {
    private static final long serialVersionUID = 1L;

    private final String hostcall;
    private final String status;

    /**
     * Creates an exception for a failed hostcall.
     *
     * @param hostcall the hostcall, as {@code module.function}
     * @param status the name of the status it returned, as in Fastly's ABI ({@code inval}, {@code badf}, ...)
     * @param message what the failure means for the caller
     */
    public HostcallException(String hostcall, String status, String message) {
        super(message + " (" + hostcall + " returned " + status + ")");
        this.hostcall = hostcall;
        this.status = status;
    }

    /**
     * The hostcall that failed.
     *
     * @return the hostcall as {@code module.function}
     */
    public String hostcall() {
        return hostcall;
    }

    /**
     * The status the host returned.
     *
     * @return the status name from Fastly's ABI
     */
    public String status() {
        return status;
    }
}
