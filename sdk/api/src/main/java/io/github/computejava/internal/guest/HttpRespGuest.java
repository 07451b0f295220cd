package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;

import io.github.computejava.abi.FastlyHttpResp;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.FramingHeadersMode;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.MultiValue;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.util.List;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_http_resp} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class HttpRespGuest {
    private HttpRespGuest() {}

    /** {@code 103 Early Hints}. */
    public static final int EARLY_HINTS = 103;

    /**
     * Sends a {@code 103 Early Hints} head to the client ({@code send_downstream} of a 103 response, which the
     * host passes on as an informational response before the final one).
     *
     * @param fields the header fields, each {@code {name, value}}
     * @throws IllegalStateException if the client already has its final response
     * @throws UnsupportedOperationException if the host does not send early hints
     * @throws io.github.computejava.HostcallException if the host fails a call otherwise
     */
    public static void sendEarlyHints(java.util.List<String[]> fields) {
        io.github.computejava.abi.Hostcalls c = io.github.computejava.internal.Host.calls();
        int[] out = new int[1];
        io.github.computejava.internal.Statuses.check(c.httpResp().new_(out), "fastly_http_resp.new");
        int resp = out[0];
        io.github.computejava.internal.Statuses.check(c.httpBody().new_(out), "fastly_http_body.new");
        int body = out[0];
        try {
            io.github.computejava.internal.Statuses.check(
                    c.httpResp().statusSet(resp, EARLY_HINTS), "fastly_http_resp.status_set");
            for (String[] f : fields) {
                io.github.computejava.internal.Statuses.check(
                        c.httpResp()
                                .headerAppend(
                                        resp,
                                        io.github.computejava.internal.Text.latin1(f[0]),
                                        io.github.computejava.internal.Text.latin1(f[1])),
                        "fastly_http_resp.header_append");
            }
            int s = c.httpResp().sendDownstream(resp, body, 0);
            if (s == io.github.computejava.abi.FastlyStatus.ERROR) {
                throw new IllegalStateException("early hints: the final response was already sent");
            }
            if (s == io.github.computejava.abi.FastlyStatus.INVAL
                    || s == io.github.computejava.abi.FastlyStatus.UNSUPPORTED) {
                throw new UnsupportedOperationException("early hints: the host does not send 103 responses");
            }
            io.github.computejava.internal.Statuses.check(s, "fastly_http_resp.send_downstream");
        } finally {
            // a 103 leaves both handles to the program; these served only the hints
            c.httpResp().close(resp);
            c.httpBody().close(body);
        }
    }

    /**
     * {@code new}: an empty response.
     *
     * @return its handle
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static int create() {
        int[] out = new int[1];
        Statuses.check(Host.calls().httpResp().new_(out), "fastly_http_resp.new");
        return out[0];
    }

    /**
     * {@code close}; a handle already released is not an error.
     *
     * @param resp the response handle
     * @throws io.github.computejava.HostcallException if the host refuses otherwise
     */
    public static void close(int resp) {
        int s = Host.calls().httpResp().close(resp);
        if (s != FastlyStatus.OK && s != FastlyStatus.BADF) {
            throw Statuses.toException(s, "fastly_http_resp.close");
        }
    }

    /**
     * {@code close}, whatever the host answers: releases a response the program no longer needs.
     *
     * @param resp the response handle
     */
    public static void closeQuietly(int resp) {
        Host.calls().httpResp().close(resp);
    }

    /**
     * The response's status ({@code status_get}).
     *
     * @param resp the response handle
     * @return the status
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int status(int resp) {
        int[] out = new int[1];
        Statuses.check(Host.calls().httpResp().statusGet(resp, out), "fastly_http_resp.status_get");
        return out[0] & 0xFFFF;
    }

    /**
     * {@code status_set}.
     *
     * @param resp the response handle
     * @param status the status
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void setStatus(int resp, int status) {
        Statuses.check(Host.calls().httpResp().statusSet(resp, status), "fastly_http_resp.status_set");
    }

    /**
     * {@code status_set}, answering whether the host took the status.
     *
     * @param resp the response handle
     * @param status the status
     * @return false when the host refuses the status itself ({@code httpinvalidstatus} or {@code inval})
     * @throws io.github.computejava.HostcallException if the host fails the call otherwise
     */
    public static boolean trySetStatus(int resp, int status) {
        int s = Host.calls().httpResp().statusSet(resp, status);
        if (s == FastlyStatus.HTTPINVALIDSTATUS || s == FastlyStatus.INVAL) {
            return false;
        }
        Statuses.check(s, "fastly_http_resp.status_set");
        return true;
    }

    /**
     * The response's header names, in order ({@code header_names_get}).
     *
     * @param resp the response handle
     * @return the names
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static List<String> headerNames(int resp) {
        return MultiValue.read(new HeaderReader(resp, null), 1024, "fastly_http_resp.header_names_get");
    }

    /**
     * The values of one response header, in order ({@code header_values_get}).
     *
     * @param resp the response handle
     * @param name the header name, Latin-1
     * @return the values
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static List<String> headerValues(int resp, byte[] name) {
        return MultiValue.read(new HeaderReader(resp, name), 1024, "fastly_http_resp.header_values_get");
    }

    /** The header names, or one header's values, in one class (each lambda would be a class in {@code main.wasm}). */
    private static final class HeaderReader implements MultiValue.Getter {
        private final int resp;
        private final byte[] name;

        /** {@code name}: the header whose values to read, or null for the names. */
        HeaderReader(int resp, byte[] name) {
            this.resp = resp;
            this.name = name;
        }

        @Override
        public int get(byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            FastlyHttpResp calls = Host.calls().httpResp();
            return name == null
                    ? calls.headerNamesGet(resp, buf, len, cursor, endingCursorOut, nwrittenOut)
                    : calls.headerValuesGet(resp, name, buf, len, cursor, endingCursorOut, nwrittenOut);
        }
    }

    /**
     * {@code header_values_set}: replaces a header's values.
     *
     * @param resp the response handle
     * @param name the header name
     * @param values the values, as {@link MultiValue#encode} lays them out
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void setHeaderValues(int resp, String name, byte[] values) {
        Statuses.check(
                Host.calls().httpResp().headerValuesSet(resp, Text.latin1(name), values, values.length),
                "fastly_http_resp.header_values_set");
    }

    /**
     * {@code header_remove}.
     *
     * @param resp the response handle
     * @param name the header name
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void removeHeader(int resp, String name) {
        Statuses.check(Host.calls().httpResp().headerRemove(resp, Text.latin1(name)), "fastly_http_resp.header_remove");
    }

    /**
     * {@code framing_headers_mode_set} to manual: the host sends the response's own framing headers.
     *
     * @param resp the response handle
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void manualFraming(int resp) {
        Statuses.check(
                Host.calls().httpResp().framingHeadersModeSet(resp, FramingHeadersMode.MANUALLY_FROM_HEADERS),
                "fastly_http_resp.framing_headers_mode_set");
    }

    /**
     * {@code send_downstream}: the client's response, whole or with a body the program goes on writing.
     *
     * @param resp the response handle (the host takes it)
     * @param body the body handle (the host takes it, unless streaming)
     * @param streaming whether the body stays open for the program to write and close
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void sendDownstream(int resp, int body, boolean streaming) {
        Statuses.check(
                Host.calls().httpResp().sendDownstream(resp, body, streaming ? 1 : 0),
                "fastly_http_resp.send_downstream");
    }

    /**
     * The {@code fastly_http_resp} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyHttpResp {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // new() -> (status, response_handle)
        @Import(module = "fastly_http_resp", name = "new")
        private static native int newImport(Address respOut);

        @Override
        public int new_(int[] respOut) {
            return newImport(Address.ofData(respOut));
        }

        // header_names_get(h, buf: ptr char8, buf_len: usize, cursor: multi_value_cursor, ending_cursor_out: ptr s64,
        //   nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_resp", name = "header_names_get")
        private static native int headerNamesGetImport(
                int resp, Address buf, int len, int cursor, Address endingCursorOut, Address nwrittenOut);

        @Override
        public int headerNamesGet(
                int resp, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            long[] slot = new long[2];
            int status = headerNamesGetImport(
                    resp, Address.ofData(buf), len, cursor, aligned(slot), Address.ofData(nwrittenOut));
            endingCursorOut[0] = aligned(slot).getLong();
            return status;
        }

        // header_value_get(h, name: list u8, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_resp", name = "header_value_get")
        private static native int headerValueGetImport(
                int resp, Address name, int nameLen, Address buf, int len, Address nwrittenOut);

        @Override
        public int headerValueGet(int resp, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
            return headerValueGetImport(
                    resp, Address.ofData(name), name.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // header_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        @Import(module = "fastly_http_resp", name = "header_values_get")
        private static native int headerValuesGetImport(
                int resp,
                Address name,
                int nameLen,
                Address buf,
                int len,
                int cursor,
                Address endingCursorOut,
                Address nwrittenOut);

        @Override
        public int headerValuesGet(
                int resp, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            long[] slot = new long[2];
            int status = headerValuesGetImport(
                    resp,
                    Address.ofData(name),
                    name.length,
                    Address.ofData(buf),
                    len,
                    cursor,
                    aligned(slot),
                    Address.ofData(nwrittenOut));
            endingCursorOut[0] = aligned(slot).getLong();
            return status;
        }

        // header_values_set(h, name: list u8, values: list char8 (each value NUL-terminated)) -> status
        @Import(module = "fastly_http_resp", name = "header_values_set")
        private static native int headerValuesSetImport(
                int resp, Address name, int nameLen, Address values, int valuesLen);

        @Override
        public int headerValuesSet(int resp, byte[] name, byte[] values, int valuesLen) {
            return headerValuesSetImport(resp, Address.ofData(name), name.length, Address.ofData(values), valuesLen);
        }

        // header_insert(h, name: list u8, value: list u8) -> status
        @Import(module = "fastly_http_resp", name = "header_insert")
        private static native int headerInsertImport(int resp, Address name, int nameLen, Address value, int valueLen);

        @Override
        public int headerInsert(int resp, byte[] name, byte[] value) {
            return headerInsertImport(resp, Address.ofData(name), name.length, Address.ofData(value), value.length);
        }

        // header_append(h, name: list u8, value: list u8) -> status
        @Import(module = "fastly_http_resp", name = "header_append")
        private static native int headerAppendImport(int resp, Address name, int nameLen, Address value, int valueLen);

        @Override
        public int headerAppend(int resp, byte[] name, byte[] value) {
            return headerAppendImport(resp, Address.ofData(name), name.length, Address.ofData(value), value.length);
        }

        // header_remove(h, name: list u8) -> status
        @Import(module = "fastly_http_resp", name = "header_remove")
        private static native int headerRemoveImport(int resp, Address name, int nameLen);

        @Override
        public int headerRemove(int resp, byte[] name) {
            return headerRemoveImport(resp, Address.ofData(name), name.length);
        }

        // version_get(h) -> (status, http_version)
        @Import(module = "fastly_http_resp", name = "version_get")
        private static native int versionGetImport(int resp, Address versionOut);

        @Override
        public int versionGet(int resp, int[] versionOut) {
            return versionGetImport(resp, Address.ofData(versionOut));
        }

        // version_set(h, version: http_version) -> status
        @Import(module = "fastly_http_resp", name = "version_set")
        private static native int versionSetImport(int resp, int version);

        @Override
        public int versionSet(int resp, int version) {
            return versionSetImport(resp, version);
        }

        // send_downstream(h, b: body_handle, streaming: u32) -> status
        @Import(module = "fastly_http_resp", name = "send_downstream")
        private static native int sendDownstreamImport(int resp, int body, int streaming);

        @Override
        public int sendDownstream(int resp, int body, int streaming) {
            return sendDownstreamImport(resp, body, streaming);
        }

        // send_downstream_pending(handle: pending_request_handle) -> status
        @Import(module = "fastly_http_resp", name = "send_downstream_pending")
        private static native int sendDownstreamPendingImport(int pending);

        @Override
        public int sendDownstreamPending(int pending) {
            return sendDownstreamPendingImport(pending);
        }

        // status_get(h) -> (status, http_status u16)
        @Import(module = "fastly_http_resp", name = "status_get")
        private static native int statusGetImport(int resp, Address statusOut);

        @Override
        public int statusGet(int resp, int[] statusOut) {
            // the host writes a u16; clear the high half first
            statusOut[0] = 0;
            return statusGetImport(resp, Address.ofData(statusOut));
        }

        // status_set(h, status: http_status u16) -> status
        @Import(module = "fastly_http_resp", name = "status_set")
        private static native int statusSetImport(int resp, int status);

        @Override
        public int statusSet(int resp, int status) {
            return statusSetImport(resp, status);
        }

        // close(h: response_handle) -> status
        @Import(module = "fastly_http_resp", name = "close")
        private static native int closeImport(int resp);

        @Override
        public int close(int resp) {
            return closeImport(resp);
        }

        // framing_headers_mode_set(h, mode: framing_headers_mode) -> status
        @Import(module = "fastly_http_resp", name = "framing_headers_mode_set")
        private static native int framingHeadersModeSetImport(int resp, int mode);

        @Override
        public int framingHeadersModeSet(int resp, int mode) {
            return framingHeadersModeSetImport(resp, mode);
        }

        // http_keepalive_mode_set(h, mode: http_keepalive_mode) -> status
        @Import(module = "fastly_http_resp", name = "http_keepalive_mode_set")
        private static native int httpKeepaliveModeSetImport(int resp, int mode);

        @Override
        public int httpKeepaliveModeSet(int resp, int mode) {
            return httpKeepaliveModeSetImport(resp, mode);
        }

        // get_addr_dest_ip(h, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        @Import(module = "fastly_http_resp", name = "get_addr_dest_ip")
        private static native int getAddrDestIpImport(int resp, Address octets16, Address nwrittenOut);

        @Override
        public int getAddrDestIp(int resp, byte[] octets16, int[] nwrittenOut) {
            return getAddrDestIpImport(resp, Address.ofData(octets16), Address.ofData(nwrittenOut));
        }

        // get_addr_dest_port(h) -> (status, port u16)
        @Import(module = "fastly_http_resp", name = "get_addr_dest_port")
        private static native int getAddrDestPortImport(int resp, Address portOut);

        @Override
        public int getAddrDestPort(int resp, int[] portOut) {
            // the host writes a u16; clear the high half first
            portOut[0] = 0;
            return getAddrDestPortImport(resp, Address.ofData(portOut));
        }
    }
}
