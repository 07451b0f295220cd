package io.github.computejava.host;

import io.github.computejava.abi.FastlyDictionary;

/**
 * {@code fastly_dictionary}: the older name of {@code fastly_config_store}, over the same stores and handles, so
 * it answers exactly as {@link ConfigStoreHost} does.
 */
final class DictionaryHost extends ConfigStoreHost implements FastlyDictionary {
    DictionaryHost(Sandbox sandbox) {
        super(sandbox);
    }
}
