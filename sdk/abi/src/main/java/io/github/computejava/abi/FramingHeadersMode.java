package io.github.computejava.abi;

/** The {@code framing_headers_mode} enum of {@link FastlyHttpReq} and {@link FastlyHttpResp}. */
public final class FramingHeadersMode {
    /** The host writes {@code Content-Length} or {@code Transfer-Encoding} itself. */
    public static final int AUTOMATIC = 0;
    /** The host sends the framing headers the program set. */
    public static final int MANUALLY_FROM_HEADERS = 1;

    private FramingHeadersMode() {}
}
