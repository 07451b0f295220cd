/** Secret stores: credentials linked to the service ({@link io.github.computejava.secretstore.SecretStore}). */
package io.github.computejava.secretstore;
