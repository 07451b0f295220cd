package io.github.computejava.abi;

/**
 * RFC 9110's {@code token} (§5.6.2), the syntax of header names, methods and cache directive names: the rule the SDK
 * checks before a hostcall and the engine checks inside it, declared once.
 */
public final class HttpToken {
    private HttpToken() {}

    /**
     * Whether {@code c} is a {@code tchar}: a letter, a digit, or one of {@code !#$%&'*+-.^_`|~}.
     *
     * @param c the character
     * @return whether it may appear in a token
     */
    public static boolean isTokenChar(char c) {
        return c < 64 ? (TCHAR_LOW >>> c & 1) != 0 : c < 128 && (TCHAR_HIGH >>> (c - 64) & 1) != 0;
    }

    // the tchars as bits: characters 0-63 (digits and !#$%&'*+-.) and 64-127 (letters and ^_`|~)
    private static final long TCHAR_LOW = 0x3ff6cfa00000000L;
    private static final long TCHAR_HIGH = 0x57ffffffc7fffffeL;

    /**
     * Whether {@code s} is a token: one or more {@link #isTokenChar tchar}s.
     *
     * @param s the text
     * @return whether it is a non-empty token
     * @throws NullPointerException if {@code s} is null
     */
    public static boolean isToken(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
