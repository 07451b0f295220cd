package io.github.computejava.fsthttp;

import io.github.computejava.internal.MultiValue;
import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.HttpReqGuest;
import io.github.computejava.internal.guest.HttpRespGuest;

/** Moves {@link Headers} between the SDK and request/response handles on the host. */
final class HostHeaders {
    private HostHeaders() {}

    static Headers readRequest(int req) {
        Headers headers = new Headers();
        for (String name : HttpReqGuest.headerNames(req)) {
            for (String value : HttpReqGuest.headerValues(req, Text.latin1(name))) {
                headers.addTrusted(name, value);
            }
        }
        return headers;
    }

    static Headers readResponse(int resp) {
        Headers headers = new Headers();
        for (String name : HttpRespGuest.headerNames(resp)) {
            for (String value : HttpRespGuest.headerValues(resp, Text.latin1(name))) {
                headers.addTrusted(name, value);
            }
        }
        return headers;
    }

    static void writeRequest(int req, Headers headers) {
        for (String key : headers.keys()) {
            HttpReqGuest.setHeaderValues(req, headers.rawName(key), MultiValue.encode(headers.rawValues(key)));
        }
    }

    static void writeResponse(int resp, Headers headers) {
        for (String key : headers.keys()) {
            HttpRespGuest.setHeaderValues(resp, headers.rawName(key), MultiValue.encode(headers.rawValues(key)));
        }
    }
}
