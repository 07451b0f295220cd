package io.github.computejava.internal;

import io.github.computejava.HostcallException;
import io.github.computejava.UnsupportedHostcallException;
import io.github.computejava.abi.FastlyStatus;

/** The one place where a {@code fastly_status} becomes an exception naming the hostcall. */
public final class Statuses {
    private Statuses() {}

    /**
     * Throws unless {@code status} is {@code ok}.
     *
     * @throws HostcallException for any other status
     */
    public static void check(int status, String hostcall) {
        if (status != FastlyStatus.OK) {
            throw toException(status, hostcall);
        }
    }

    /**
     * The exception for a hostcall that answered no value ({@code none}) where one was due.
     *
     * @param hostcall the hostcall's name
     * @return the exception
     */
    public static HostcallException none(String hostcall) {
        return toException(FastlyStatus.NONE, hostcall);
    }

    /** The exception for a failed hostcall. */
    public static HostcallException toException(int status, String hostcall) {
        switch (status) {
            case FastlyStatus.UNSUPPORTED:
                return new UnsupportedHostcallException(hostcall);
            case FastlyStatus.INVAL:
                return new HostcallException(hostcall, "inval", "Invalid argument");
            case FastlyStatus.BADF:
                return new HostcallException(hostcall, "badf", "Invalid or closed handle");
            case FastlyStatus.BUFLEN:
                return new HostcallException(hostcall, "buflen", "Value too large for the buffer");
            case FastlyStatus.HTTPINVALID:
                return new HostcallException(hostcall, "httpinvalid", "Invalid HTTP method, URI, header or status");
            case FastlyStatus.HTTPUSER:
                return new HostcallException(hostcall, "httpuser", "HTTP usage error");
            case FastlyStatus.HTTPINCOMPLETE:
                return new HostcallException(hostcall, "httpincomplete", "HTTP message ended early");
            case FastlyStatus.NONE:
                return new HostcallException(hostcall, "none", "No value");
            case FastlyStatus.HTTPHEADTOOLARGE:
                return new HostcallException(hostcall, "httpheadtoolarge", "HTTP message head too large");
            case FastlyStatus.HTTPINVALIDSTATUS:
                return new HostcallException(hostcall, "httpinvalidstatus", "Invalid HTTP status");
            case FastlyStatus.LIMITEXCEEDED:
                return new HostcallException(hostcall, "limitexceeded", "A host limit was exceeded");
            case FastlyStatus.AGAIN:
                return new HostcallException(hostcall, "again", "Not ready yet; try again");
            default:
                return new HostcallException(hostcall, FastlyStatus.name(status), "Host error");
        }
    }
}
