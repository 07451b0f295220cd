/**
 * Fastly's core cache: programmatic access to the cache with full control of its metadata.
 *
 * <p>{@link io.github.computejava.cache.core.CoreCache#lookup} and
 * {@link io.github.computejava.cache.core.CoreCache#insert} are one-off operations. A
 * {@link io.github.computejava.cache.core.Transaction} collapses concurrent lookups of one key: one of them is
 * obliged to insert (or, for a stale object, to revalidate) while the others wait for the result and then
 * stream it as it is written.
 *
 * <pre>{@code
 * try (Transaction tx = Transaction.lookup("my_key")) {
 *     if (tx.mustInsert()) {
 *         byte[] contents = build();
 *         try (StreamingInsert insert = tx.insertAndStreamBack(WriteOptions.builder(Duration.ofHours(1))
 *                 .knownLength(contents.length).build())) {
 *             insert.writer().write(contents);
 *             insert.writer().close();
 *             use(insert.found().body());
 *         }
 *     } else {
 *         use(tx.found().orElseThrow().body());
 *     }
 * }
 * }</pre>
 *
 * <p>Keys are up to {@value io.github.computejava.cache.core.CoreCache#MAX_KEY_LENGTH} bytes; the simple cache
 * ({@code io.github.computejava.cache.simple}) stores its entries in the same cache.
 */
package io.github.computejava.cache.core;
