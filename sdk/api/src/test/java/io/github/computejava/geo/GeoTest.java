package io.github.computejava.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.ComputeException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GeoTest {
    @Test
    void readsFastlysFields() {
        Geo geo = Geo.fromJson("{\"as_name\":\"Fastly, Inc\",\"as_number\":54113,\"area_code\":415,"
                + "\"city\":\"San Francisco\",\"conn_speed\":\"broadband\",\"conn_type\":\"wired\","
                + "\"continent\":\"NA\",\"country_code\":\"US\",\"country_code3\":\"USA\","
                + "\"country_name\":\"United States of America\",\"latitude\":37.77869,\"longitude\":-122.39557,"
                + "\"metro_code\":807,\"postal_code\":\"94107\",\"proxy_description\":\"?\",\"proxy_type\":\"?\","
                + "\"region\":\"CA\",\"utc_offset\":-700,\"gmt_offset\":\"-700\"}");
        assertEquals(Optional.of("Fastly, Inc"), geo.asName());
        assertEquals(OptionalLong.of(54113), geo.asNumber());
        assertEquals(OptionalInt.of(415), geo.areaCode());
        assertEquals(Optional.of("San Francisco"), geo.city());
        assertEquals(Optional.of("broadband"), geo.connSpeed());
        assertEquals(Optional.of("wired"), geo.connType());
        assertEquals(Optional.of("NA"), geo.continent());
        assertEquals(Optional.of("US"), geo.countryCode());
        assertEquals(Optional.of("USA"), geo.countryCode3());
        assertEquals(Optional.of("United States of America"), geo.countryName());
        assertEquals(OptionalDouble.of(37.77869), geo.latitude());
        assertEquals(OptionalDouble.of(-122.39557), geo.longitude());
        assertEquals(OptionalInt.of(807), geo.metroCode());
        assertEquals(Optional.of("94107"), geo.postalCode());
        assertEquals(Optional.of("?"), geo.proxyDescription());
        assertEquals(Optional.of("?"), geo.proxyType());
        assertEquals(Optional.of("CA"), geo.region());
        assertEquals(OptionalInt.of(-700), geo.utcOffset());
        assertEquals(OptionalInt.of(-420), geo.utcOffsetMinutes());
        assertEquals(OptionalInt.of(-700), geo.gmtOffset());
        assertEquals("Geo{San Francisco, CA, US, AS54113}", geo.toString());
    }

    @Test
    void nullAbsentAndMistypedFieldsAreEmpty() {
        Geo geo = Geo.fromJson("{\"city\":null,\"region\":7,\"as_number\":\"x\",\"latitude\":\"north\","
                + "\"utc_offset\":5.5,\"area_code\":99999999999,\"gmt_offset\":\"soon\",\"extra\":{\"a\":[1]}}");
        assertEquals(Optional.empty(), geo.city());
        assertEquals(Optional.empty(), geo.region());
        assertEquals(Optional.empty(), geo.countryCode());
        assertEquals(OptionalLong.empty(), geo.asNumber());
        assertEquals(OptionalDouble.empty(), geo.latitude());
        assertEquals(OptionalInt.empty(), geo.utcOffset());
        assertEquals(OptionalInt.empty(), geo.utcOffsetMinutes());
        assertEquals(OptionalInt.empty(), geo.areaCode());
        assertEquals(OptionalInt.empty(), geo.gmtOffset());
        assertEquals(OptionalDouble.of(-3.0), Geo.fromJson("{\"longitude\":-3}").longitude());
        assertEquals(OptionalInt.of(330), Geo.fromJson("{\"utc_offset\":530}").utcOffsetMinutes());
    }

    @Test
    void malformedHostDataIsAComputeExceptionNamingTheHostcall() {
        ComputeException e = assertThrows(ComputeException.class, () -> Geo.fromJson("{\"city\":\"Paris\""));
        assertTrue(
                e.getMessage().startsWith("fastly_geo.lookup answered data that is not a JSON object: malformed JSON"),
                e.getMessage());
        assertThrows(ComputeException.class, () -> Geo.fromJson("[]"));
    }

    @Test
    void addressesAreCheckedBeforeAnyHostcall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Geo.lookup("example.com"));
        assertEquals("address: 'example.com' is not an IPv4 or IPv6 address literal", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Geo.lookup(new byte[5]));
        assertEquals("octets: an IP address has 4 (IPv4) or 16 (IPv6) octets, not 5", e.getMessage());
        assertThrows(NullPointerException.class, () -> Geo.lookup((String) null));
    }
}
