package io.github.computejava.fsthttp;

/** The trailer fields a {@link ResponseWriter} sends after its body ({@link TrailerFields}). */
interface Trailers {
    /**
     * Adds a field.
     *
     * @throws IllegalArgumentException if the name is not a token or the value holds CR, LF or NUL
     * @throws NullPointerException if an argument is null
     */
    void add(String name, String value);

    /** Appends the fields to the body about to be closed. */
    void appendTo(int body);
}
