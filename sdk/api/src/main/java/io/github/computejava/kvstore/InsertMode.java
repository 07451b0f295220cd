package io.github.computejava.kvstore;

/** How an insert combines with the value already stored ({@code kv_insert_mode}). */
public enum InsertMode {
    /** Replace any existing value. */
    OVERWRITE,
    /** Store only if the key is absent; otherwise the insert fails with a precondition error. */
    ADD,
    /** Add the bytes after the existing value. */
    APPEND,
    /** Add the bytes before the existing value. */
    PREPEND
}
