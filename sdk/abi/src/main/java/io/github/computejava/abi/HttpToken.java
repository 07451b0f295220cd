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
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        switch (c) {
            case '!':
            case '#':
            case '$':
            case '%':
            case '&':
            case '\'':
            case '*':
            case '+':
            case '-':
            case '.':
            case '^':
            case '_':
            case '`':
            case '|':
            case '~':
                return true;
            default:
                return false;
        }
    }

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
