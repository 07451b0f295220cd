/**
 * Purging cached objects by surrogate key, everywhere they are cached: a hard purge removes them, a soft purge
 * marks them stale so they can still be served while revalidated.
 */
package io.github.computejava.purge;
