package io.github.computejava.abi;

/** The {@code fastly_status} values every hostcall returns, and the invalid handle. */
public final class FastlyStatus {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int INVAL = 2;
    public static final int BADF = 3;
    public static final int BUFLEN = 4;
    public static final int UNSUPPORTED = 5;
    public static final int BADALIGN = 6;
    public static final int HTTPINVALID = 7;
    public static final int HTTPUSER = 8;
    public static final int HTTPINCOMPLETE = 9;
    public static final int NONE = 10;
    public static final int HTTPHEADTOOLARGE = 11;
    public static final int HTTPINVALIDSTATUS = 12;
    public static final int LIMITEXCEEDED = 13;
    public static final int AGAIN = 14;

    /** The handle value the host uses for "no handle". */
    public static final int INVALID_HANDLE = 0xFFFFFFFE;

    private static final String[] NAMES = {
        "ok",
        "error",
        "inval",
        "badf",
        "buflen",
        "unsupported",
        "badalign",
        "httpinvalid",
        "httpuser",
        "httpincomplete",
        "none",
        "httpheadtoolarge",
        "httpinvalidstatus",
        "limitexceeded",
        "again"
    };

    private FastlyStatus() {}

    /** The witx name of a status code, or {@code status(N)} for a value outside the ABI. */
    public static String name(int status) {
        return status >= 0 && status < NAMES.length ? NAMES[status] : "status(" + status + ")";
    }
}
