package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.internal.FastlyStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code fastly_geo}: geolocation JSON for an address (loopback addresses get Fastly's default data). */
final class GeoImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        // lookup(addr_octets: const_pointer char8, addr_len, buf, buf_len, nwritten_out) -> status
        r.add("fastly_geo", "lookup", (g, a) -> {
            int len = i32(a, 1);
            if (len != 4 && len != 16) {
                return FastlyStatus.INVAL;
            }
            byte[] octets = g.memory().bytes(i32(a, 0), len);
            InetAddress address;
            try {
                address = InetAddress.getByAddress(octets);
            } catch (UnknownHostException e) {
                return FastlyStatus.INVAL;
            }
            Optional<String> json = g.engine().geolocation().lookup(address);
            return g.out(i32(a, 2), i32(a, 3), i32(a, 4), (buf, max, n) -> {
                if (json.isEmpty()) {
                    return FastlyStatus.NONE;
                }
                byte[] value = json.get().getBytes(StandardCharsets.UTF_8);
                n[0] = value.length;
                if (value.length > max) {
                    return FastlyStatus.BUFLEN;
                }
                System.arraycopy(value, 0, buf, 0, value.length);
                return FastlyStatus.OK;
            });
        });
    }
}
