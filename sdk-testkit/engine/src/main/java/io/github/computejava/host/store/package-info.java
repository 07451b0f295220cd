/** The stores a service links: the KV store's entries, generations, metadata, TTLs and listing. */
package io.github.computejava.host.store;
