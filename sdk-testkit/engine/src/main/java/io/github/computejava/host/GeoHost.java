package io.github.computejava.host;

import io.github.computejava.abi.FastlyGeo;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.edge.Geolocation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code fastly_geo}: the engine's {@link Geolocation}, shared by both doors. */
final class GeoHost implements FastlyGeo {
    private final Geolocation geolocation;

    /** @param geolocation what lookups answer */
    GeoHost(Geolocation geolocation) {
        this.geolocation = geolocation;
    }

    /**
     * {@code lookup}: the JSON object for 4 or 16 address octets (inval for another length), none when nothing
     * is known, buflen with the size needed when {@code buf} is too small.
     */
    @Override
    public int lookup(byte[] octets, int addrLen, byte[] buf, int len, int[] nwrittenOut) {
        if ((addrLen != 4 && addrLen != 16) || addrLen > octets.length) {
            return FastlyStatus.INVAL;
        }
        byte[] address = new byte[addrLen];
        System.arraycopy(octets, 0, address, 0, addrLen);
        Optional<String> json;
        try {
            json = geolocation.lookup(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            return FastlyStatus.INVAL;
        }
        if (json.isEmpty()) {
            return FastlyStatus.NONE;
        }
        byte[] value = json.get().getBytes(StandardCharsets.UTF_8);
        nwrittenOut[0] = value.length;
        if (value.length > len) {
            return FastlyStatus.BUFLEN;
        }
        System.arraycopy(value, 0, buf, 0, value.length);
        return FastlyStatus.OK;
    }
}
