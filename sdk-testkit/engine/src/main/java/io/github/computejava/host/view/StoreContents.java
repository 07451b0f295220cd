package io.github.computejava.host.view;

import java.util.List;
import java.util.Map;

/**
 * The engine's stores, as an inspector may show them: config stores with their entries, KV stores with their keys
 * and the size of each value, and secret stores with the names of their secrets only (never a value).
 *
 * @param configStores store name to its entries, both sorted by name
 * @param kvStores store name to its live keys (sorted) and the length of each value in bytes
 * @param secretStores store name to its secret names, sorted
 */
public record StoreContents(
        Map<String, Map<String, String>> configStores,
        Map<String, Map<String, Integer>> kvStores,
        Map<String, List<String>> secretStores) {}
