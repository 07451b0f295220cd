package io.github.computejava.host.edge;

import com.google.gson.JsonObject;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code fastly_geo.lookup} answers: a JSON object per IP address, and (unless turned off) the data of
 * Fastly's San Francisco office for loopback addresses, as Fastly's local tools report.
 */
public final class Geolocation {
    /** No addresses; loopback addresses get the default data. */
    public static final Geolocation DEFAULT = new Geolocation(Map.of(), true);

    private final Map<InetAddress, JsonObject> addresses;
    private final boolean defaultForLoopback;

    /**
     * @param addresses JSON objects by address
     * @param defaultForLoopback whether loopback addresses missing from {@code addresses} get the default data
     */
    public Geolocation(Map<InetAddress, JsonObject> addresses, boolean defaultForLoopback) {
        Objects.requireNonNull(addresses, "addresses");
        Map<InetAddress, JsonObject> copy = new LinkedHashMap<>();
        addresses.forEach((k, v) -> copy.put(k, v.deepCopy()));
        this.addresses = Collections.unmodifiableMap(copy);
        this.defaultForLoopback = defaultForLoopback;
    }

    /**
     * The JSON data for {@code address}.
     *
     * @param address the address
     * @return the JSON text, or empty when nothing is known about it
     */
    public Optional<String> lookup(InetAddress address) {
        JsonObject data = addresses.get(address);
        if (data == null && defaultForLoopback && address.isLoopbackAddress()) {
            data = loopbackData();
        }
        return Optional.ofNullable(data).map(JsonObject::toString);
    }

    /**
     * This geolocation with more addresses; an address already known gets the new data.
     *
     * @param more JSON objects by address
     * @return a new geolocation
     */
    public Geolocation with(Map<InetAddress, JsonObject> more) {
        Map<InetAddress, JsonObject> merged = new LinkedHashMap<>(addresses);
        merged.putAll(Objects.requireNonNull(more, "more"));
        return new Geolocation(merged, defaultForLoopback);
    }

    /** The data reported for loopback addresses. */
    public static JsonObject loopbackData() {
        JsonObject o = new JsonObject();
        o.addProperty("as_name", "Fastly, Inc");
        o.addProperty("as_number", 54113);
        o.addProperty("area_code", 415);
        o.addProperty("city", "San Francisco");
        o.addProperty("conn_speed", "broadband");
        o.addProperty("conn_type", "wired");
        o.addProperty("continent", "NA");
        o.addProperty("country_code", "US");
        o.addProperty("country_code3", "USA");
        o.addProperty("country_name", "United States of America");
        o.addProperty("latitude", 37.77869);
        o.addProperty("longitude", -122.39557);
        o.addProperty("metro_code", 0);
        o.addProperty("postal_code", "94107");
        o.addProperty("proxy_description", "?");
        o.addProperty("proxy_type", "?");
        o.addProperty("region", "CA");
        o.addProperty("utc_offset", -700);
        return o;
    }
}
