/** Config stores: read-only key/value settings linked to the service ({@link io.github.computejava.configstore.ConfigStore}). */
package io.github.computejava.configstore;
