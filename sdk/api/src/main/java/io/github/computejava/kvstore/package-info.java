/** KV stores: durable key/value data readable and writable at the edge ({@link io.github.computejava.kvstore.KVStore}). */
package io.github.computejava.kvstore;
