package io.github.computejava.fsthttp;

import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.MultiValue;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.util.List;

/** Moves {@link Headers} between the SDK and request/response handles on the host. */
final class HostHeaders {
    private static final int NAMES_BUFFER = 1024;
    private static final int VALUES_BUFFER = 1024;

    private HostHeaders() {}

    static Headers readRequest(Hostcalls calls, int req) {
        Headers headers = new Headers();
        List<String> names = MultiValue.read(
                (buf, len, cursor, end, nw) -> calls.reqHeaderNamesGet(req, buf, len, cursor, end, nw),
                NAMES_BUFFER,
                "fastly_http_req.header_names_get");
        for (String name : names) {
            byte[] nameBytes = Text.latin1(name);
            List<String> values = MultiValue.read(
                    (buf, len, cursor, end, nw) -> calls.reqHeaderValuesGet(req, nameBytes, buf, len, cursor, end, nw),
                    VALUES_BUFFER,
                    "fastly_http_req.header_values_get");
            for (String value : values) {
                headers.addTrusted(name, value);
            }
        }
        return headers;
    }

    static Headers readResponse(Hostcalls calls, int resp) {
        Headers headers = new Headers();
        List<String> names = MultiValue.read(
                (buf, len, cursor, end, nw) -> calls.respHeaderNamesGet(resp, buf, len, cursor, end, nw),
                NAMES_BUFFER,
                "fastly_http_resp.header_names_get");
        for (String name : names) {
            byte[] nameBytes = Text.latin1(name);
            List<String> values = MultiValue.read(
                    (buf, len, cursor, end, nw) ->
                            calls.respHeaderValuesGet(resp, nameBytes, buf, len, cursor, end, nw),
                    VALUES_BUFFER,
                    "fastly_http_resp.header_values_get");
            for (String value : values) {
                headers.addTrusted(name, value);
            }
        }
        return headers;
    }

    static void writeRequest(Hostcalls calls, int req, Headers headers) {
        for (String key : headers.keys()) {
            byte[] values = MultiValue.encode(headers.rawValues(key));
            Statuses.check(
                    calls.reqHeaderValuesSet(req, Text.latin1(headers.rawName(key)), values, values.length),
                    "fastly_http_req.header_values_set");
        }
    }

    static void writeResponse(Hostcalls calls, int resp, Headers headers) {
        for (String key : headers.keys()) {
            byte[] values = MultiValue.encode(headers.rawValues(key));
            Statuses.check(
                    calls.respHeaderValuesSet(resp, Text.latin1(headers.rawName(key)), values, values.length),
                    "fastly_http_resp.header_values_set");
        }
    }
}
