/**
 * What Fastly's edge knows about a client beyond HTTP: ACLs ({@link
 * io.github.computejava.host.edge.AccessControlList}), geolocation ({@link
 * io.github.computejava.host.edge.Geolocation}) and Edge Rate Limiting's rate counters and penalty boxes ({@link
 * io.github.computejava.host.edge.RateCounters}).
 */
package io.github.computejava.host.edge;
