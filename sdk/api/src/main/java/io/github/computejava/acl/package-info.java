/**
 * ACLs: Fastly's lists of IP prefixes, each with the action {@code ALLOW} or {@code BLOCK}, looked up by the
 * longest prefix containing an address ({@link io.github.computejava.acl.Acl}).
 */
package io.github.computejava.acl;
