/** Real-time logging: write lines to the service's log endpoints ({@link io.github.computejava.log.LogEndpoint}). */
package io.github.computejava.log;
