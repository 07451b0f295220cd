package io.github.computejava.internal;

import io.github.computejava.abi.FastlyStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the host side of the buffer protocols, writing into the guest's buffer exactly as Fastly's
 * hosts do: never past {@code len}, {@code buflen} with the needed size, whole NUL-terminated values per round.
 * It records every call so tests can check the retries the SDK made.
 */
final class FakeMemory {
    final List<Integer> bufferSizesSeen = new ArrayList<>();
    final List<Integer> cursorsSeen = new ArrayList<>();

    AdaptiveBuffer.Getter single(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        return (buf, len, nwritten) -> {
            bufferSizesSeen.add(len);
            if (len > buf.length) {
                throw new AssertionError("the SDK claimed a buffer of " + len + " bytes but passed " + buf.length);
            }
            if (bytes.length > len) {
                nwritten[0] = bytes.length;
                return FastlyStatus.BUFLEN;
            }
            System.arraycopy(bytes, 0, buf, 0, bytes.length);
            nwritten[0] = bytes.length;
            return FastlyStatus.OK;
        };
    }

    MultiValue.Getter multi(List<String> values) {
        return (buf, len, cursor, ending, nwritten) -> {
            bufferSizesSeen.add(len);
            cursorsSeen.add(cursor);
            int pos = 0;
            int i = cursor;
            while (i < values.size()) {
                byte[] v = values.get(i).getBytes(StandardCharsets.ISO_8859_1);
                if (pos + v.length + 1 > len) {
                    break;
                }
                System.arraycopy(v, 0, buf, pos, v.length);
                buf[pos + v.length] = 0;
                pos += v.length + 1;
                i++;
            }
            if (i == cursor && i < values.size()) {
                nwritten[0] = values.get(i).getBytes(StandardCharsets.ISO_8859_1).length + 1;
                return FastlyStatus.BUFLEN;
            }
            nwritten[0] = pos;
            ending[0] = i >= values.size() ? -1 : i;
            return FastlyStatus.OK;
        };
    }
}
