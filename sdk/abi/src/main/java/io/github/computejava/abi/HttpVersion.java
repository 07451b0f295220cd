package io.github.computejava.abi;

/** The {@code http_version} enum of {@link FastlyHttpReq} and {@link FastlyHttpResp}. */
public final class HttpVersion {
    public static final int HTTP_09 = 0;
    public static final int HTTP_10 = 1;
    public static final int HTTP_11 = 2;
    public static final int H2 = 3;
    public static final int H3 = 4;

    private HttpVersion() {}
}
