package io.github.computejava;

/** The host does not implement a hostcall (it answered {@code unsupported}). */
public class UnsupportedHostcallException extends HostcallException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param hostcall the hostcall, as {@code module.function}
     */
    public UnsupportedHostcallException(String hostcall) {
        super(hostcall, "unsupported", "This host does not support " + hostcall);
    }
}
