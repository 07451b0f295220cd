package io.github.computejava.geo;

import io.github.computejava.ComputeException;
import io.github.computejava.internal.JsonReader;
import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.GeoGuest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The geolocation Fastly knows for an IP address: where it is, the network it belongs to and how it connects.
 * Fastly fills what its data supplier has; a field the data lacks (or reports as {@code null}) is empty.
 *
 * <pre>{@code
 * Optional<Geo> geo = Geo.lookup("192.0.2.1");
 * String country = geo.flatMap(Geo::countryCode).orElse("unknown");
 * // or, for the client of the request being handled:
 * Optional<Geo> client = request.clientGeo();
 * }</pre>
 */
public final class Geo {

    private final Map<String, Object> fields;

    private Geo(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * Looks up an IP address.
     *
     * @param address an IPv4 ({@code 192.0.2.1}) or IPv6 ({@code 2001:db8::1}) literal
     * @return the geolocation, or empty when the host has none for the address
     * @throws IllegalArgumentException if {@code address} is not an IP address literal
     * @throws NullPointerException if {@code address} is null
     * @throws ComputeException if the host answers with data that is not a JSON object
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Optional<Geo> lookup(String address) {
        Objects.requireNonNull(address, "address");
        byte[] octets;
        try {
            octets = Text.ipOctets(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address: " + e.getMessage(), e);
        }
        return lookupOctets(octets);
    }

    /**
     * Looks up an IP address given as octets in network order.
     *
     * @param octets 4 octets for IPv4, 16 for IPv6
     * @return the geolocation, or empty when the host has none for the address
     * @throws IllegalArgumentException if {@code octets} does not hold 4 or 16 octets
     * @throws NullPointerException if {@code octets} is null
     * @throws ComputeException if the host answers with data that is not a JSON object
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Optional<Geo> lookup(byte[] octets) {
        Objects.requireNonNull(octets, "octets");
        if (octets.length != 4 && octets.length != 16) {
            throw new IllegalArgumentException(
                    "octets: an IP address has 4 (IPv4) or 16 (IPv6) octets, not " + octets.length);
        }
        return lookupOctets(octets.clone());
    }

    private static Optional<Geo> lookupOctets(byte[] octets) {
        String json = GeoGuest.lookup(octets);
        return json == null ? Optional.empty() : Optional.of(fromJson(json));
    }

    /** Reads the host's JSON answer (package-private for tests). */
    static Geo fromJson(String json) {
        try {
            return new Geo(JsonReader.parseObject(json));
        } catch (IllegalArgumentException e) {
            throw new ComputeException(
                    GeoGuest.LOOKUP + " answered data that is not a JSON object: " + e.getMessage(), e);
        }
    }

    /**
     * The name of the organization behind {@link #asNumber()}, such as {@code fastly} for AS 54113.
     *
     * @return the name, or empty when unknown
     */
    public Optional<String> asName() {
        return string("as_name");
    }

    /**
     * The number of the autonomous system (AS) the address belongs to.
     *
     * @return the AS number, or empty when unknown
     */
    public OptionalLong asNumber() {
        Object v = fields.get("as_number");
        return v instanceof Number ? OptionalLong.of(((Number) v).longValue()) : OptionalLong.empty();
    }

    /**
     * The telephone area code (United States, its territories and Canada only).
     *
     * @return the area code, or empty when unknown
     */
    public OptionalInt areaCode() {
        return integer("area_code");
    }

    /**
     * The city or town.
     *
     * @return the name, or empty when unknown
     */
    public Optional<String> city() {
        return string("city");
    }

    /**
     * The connection speed, such as {@code broadband}, {@code cable}, {@code dialup}, {@code mobile},
     * {@code satellite}, {@code t1}, {@code oc3} or {@code ?} when Fastly cannot tell.
     *
     * @return the speed, or empty when absent
     */
    public Optional<String> connSpeed() {
        return string("conn_speed");
    }

    /**
     * The connection type, such as {@code wired}, {@code wifi}, {@code mobile}, {@code dialup}, {@code satellite}
     * or {@code ?} when Fastly cannot tell.
     *
     * @return the type, or empty when absent
     */
    public Optional<String> connType() {
        return string("conn_type");
    }

    /**
     * The continent code: {@code AF}, {@code AN}, {@code AS}, {@code EU}, {@code NA}, {@code OC} or {@code SA}.
     *
     * @return the code, or empty when unknown
     */
    public Optional<String> continent() {
        return string("continent");
    }

    /**
     * The ISO 3166-1 alpha-2 country code, such as {@code US}.
     *
     * @return the code, or empty when unknown
     */
    public Optional<String> countryCode() {
        return string("country_code");
    }

    /**
     * The ISO 3166-1 alpha-3 country code, such as {@code USA}.
     *
     * @return the code, or empty when unknown
     */
    public Optional<String> countryCode3() {
        return string("country_code3");
    }

    /**
     * The country's ISO 3166-1 English short name.
     *
     * @return the name, or empty when unknown
     */
    public Optional<String> countryName() {
        return string("country_name");
    }

    /**
     * The latitude in degrees (WGS 84), from -90 to 90.
     *
     * @return the latitude, or empty when unknown
     */
    public OptionalDouble latitude() {
        return decimal("latitude");
    }

    /**
     * The longitude in degrees (WGS 84), from -180 to 180.
     *
     * @return the longitude, or empty when unknown
     */
    public OptionalDouble longitude() {
        return decimal("longitude");
    }

    /**
     * The metro code: the designated market area (DMA) in the United States, 0 elsewhere.
     *
     * @return the code, or empty when unknown
     */
    public OptionalInt metroCode() {
        return integer("metro_code");
    }

    /**
     * The postal code, where known (for some countries only part of it).
     *
     * @return the code, or empty when unknown
     */
    public Optional<String> postalCode() {
        return string("postal_code");
    }

    /**
     * What kind of proxy the address is, such as {@code cloud}, {@code vpn}, {@code tor-exit} or {@code ?} when
     * Fastly knows of none.
     *
     * @return the description, or empty when absent
     */
    public Optional<String> proxyDescription() {
        return string("proxy_description");
    }

    /**
     * The proxy type, such as {@code anonymous}, {@code corporate}, {@code transparent} or {@code ?} when Fastly
     * knows of none.
     *
     * @return the type, or empty when absent
     */
    public Optional<String> proxyType() {
        return string("proxy_type");
    }

    /**
     * The ISO 3166-2 country subdivision code, such as {@code CA} (California) in the United States.
     *
     * @return the code, or empty for countries without subdivisions or when unknown
     */
    public Optional<String> region() {
        return string("region");
    }

    /**
     * The city's offset from UTC as Fastly writes it: hours and minutes as one signed number, {@code -700} for
     * UTC−07:00 and {@code 530} for UTC+05:30 (see {@link #utcOffsetMinutes()}).
     *
     * @return the offset, or empty when unknown
     */
    public OptionalInt utcOffset() {
        return integer("utc_offset");
    }

    /**
     * The city's offset from UTC in minutes, {@code -420} for UTC−07:00.
     *
     * @return the offset, or empty when unknown
     */
    public OptionalInt utcOffsetMinutes() {
        OptionalInt hhmm = utcOffset();
        if (hhmm.isEmpty()) {
            return hhmm;
        }
        int v = hhmm.getAsInt();
        return OptionalInt.of(v / 100 * 60 + v % 100);
    }

    /**
     * The city's offset from GMT, in the same form as {@link #utcOffset()}; an older name some hosts still send.
     *
     * @return the offset, or empty when the host does not send it
     */
    public OptionalInt gmtOffset() {
        Object v = fields.get("gmt_offset");
        if (v instanceof String) {
            try {
                return OptionalInt.of(Integer.parseInt(((String) v).trim()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return integer("gmt_offset");
    }

    private Optional<String> string(String name) {
        Object v = fields.get(name);
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    private OptionalInt integer(String name) {
        Object v = fields.get(name);
        if (v instanceof Long) {
            long l = (Long) v;
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return OptionalInt.of((int) l);
            }
        }
        return OptionalInt.empty();
    }

    private OptionalDouble decimal(String name) {
        Object v = fields.get(name);
        return v instanceof Number ? OptionalDouble.of(((Number) v).doubleValue()) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return "Geo{" + city().orElse("?") + ", " + region().orElse("?") + ", "
                + countryCode().orElse("?") + ", AS"
                + (asNumber().isPresent() ? Long.toString(asNumber().getAsLong()) : "?") + "}";
    }
}
