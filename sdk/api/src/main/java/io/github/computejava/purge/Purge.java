package io.github.computejava.purge;

import io.github.computejava.cache.core.WriteOptions;
import io.github.computejava.internal.guest.PurgeGuest;

/** Purges cached objects by surrogate key ({@code fastly_purge.purge_surrogate_key}). */
public final class Purge {

    private Purge() {}

    /**
     * Removes every cached object carrying a surrogate key.
     *
     * @param surrogateKey the key: 1 to 1024 bytes of graphic ASCII
     * @throws IllegalArgumentException if the key breaks those rules
     * @throws NullPointerException if {@code surrogateKey} is null
     * @throws io.github.computejava.HostcallException if the host fails the purge
     */
    public static void surrogateKey(String surrogateKey) {
        purge(surrogateKey, false);
    }

    /**
     * Marks every cached object carrying a surrogate key stale: it can still be served within its
     * stale-while-revalidate period while one client revalidates it.
     *
     * @param surrogateKey the key: 1 to 1024 bytes of graphic ASCII
     * @throws IllegalArgumentException if the key breaks those rules
     * @throws NullPointerException if {@code surrogateKey} is null
     * @throws io.github.computejava.HostcallException if the host fails the purge
     */
    public static void softSurrogateKey(String surrogateKey) {
        purge(surrogateKey, true);
    }

    private static void purge(String surrogateKey, boolean soft) {
        WriteOptions.checkSurrogateKey(surrogateKey);
        PurgeGuest.purgeSurrogateKey(surrogateKey, soft);
    }
}
