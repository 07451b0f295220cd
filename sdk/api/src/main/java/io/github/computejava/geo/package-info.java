/**
 * Geolocation: where an IP address is, its network and connection, as Fastly's data reports it ({@link
 * io.github.computejava.geo.Geo}; {@code Request.clientGeo()} for the client of the request being handled).
 */
package io.github.computejava.geo;
