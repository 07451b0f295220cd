package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;
import static io.github.computejava.internal.guest.Addresses.at;

import io.github.computejava.abi.FastlyHttpBody;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.MultiValue;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.util.List;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_http_body} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class HttpBodyGuest {
    private HttpBodyGuest() {}

    /**
     * {@code new}: an empty body.
     *
     * @return its handle
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static int create() {
        int[] out = new int[1];
        Statuses.check(Host.calls().httpBody().new_(out), "fastly_http_body.new");
        return out[0];
    }

    /**
     * {@code write} at the back, looping until the host has taken every byte (a streaming body's writer waits
     * while the reader is behind).
     *
     * @param body the body handle
     * @param b the bytes
     * @param off where they start
     * @param len how many
     * @throws io.github.computejava.HostcallException if the host refuses (the reader went away, say)
     */
    public static void writeAll(int body, byte[] b, int off, int len) {
        FastlyHttpBody calls = Host.calls().httpBody();
        int[] nwritten = new int[1];
        while (len > 0) {
            Statuses.check(calls.write(body, b, off, len, FastlyHttpBody.END_BACK, nwritten), "fastly_http_body.write");
            int n = nwritten[0];
            if (n <= 0 || n > len) {
                throw Statuses.toException(FastlyStatus.ERROR, "fastly_http_body.write");
            }
            off += n;
            len -= n;
        }
    }

    /**
     * {@code append}: moves a whole body to the end of another without copying it through the program.
     *
     * @param dest the body appended to
     * @param src the body appended (the host takes it)
     * @throws io.github.computejava.HostcallException if the host refuses
     */
    public static void append(int dest, int src) {
        Statuses.check(Host.calls().httpBody().append(dest, src), "fastly_http_body.append");
    }

    /**
     * {@code close}: finishes a body (a streaming one's reader sees its end); a handle already released is not an
     * error.
     *
     * @param body the body handle
     * @throws io.github.computejava.HostcallException if the host refuses otherwise
     */
    public static void close(int body) {
        int status = Host.calls().httpBody().close(body);
        if (status != FastlyStatus.OK && status != FastlyStatus.BADF) {
            throw Statuses.toException(status, "fastly_http_body.close");
        }
    }

    /**
     * {@code abandon}: ends a streaming body as broken (its reader sees an incomplete body).
     *
     * @param body the body handle
     */
    public static void abandon(int body) {
        Host.calls().httpBody().abandon(body);
    }

    /**
     * Appends a trailer field to a body the program writes; the host sends it after the body's last byte.
     *
     * @param body the body handle
     * @param name the field name
     * @param value the field value
     * @throws io.github.computejava.HostcallException if the host refuses the field
     */
    public static void appendTrailer(int body, String name, String value) {
        io.github.computejava.internal.Statuses.check(
                io.github.computejava.internal.Host.calls()
                        .httpBody()
                        .trailerAppend(
                                body,
                                io.github.computejava.internal.Text.latin1(name),
                                io.github.computejava.internal.Text.latin1(value)),
                "fastly_http_body.trailer_append");
    }

    /** The first buffer size for trailer names and values; {@code buflen} answers grow it. */
    private static final int TRAILER_BUFFER = 256;

    /** Receives the trailer fields {@link #readTrailers} reads, in order. */
    @FunctionalInterface
    public interface TrailerSink {
        /**
         * One field.
         *
         * @param name the field name
         * @param value one of its values
         */
        void field(String name, String value);
    }

    /**
     * Reads the trailer fields of a body the program reads ({@code trailer_names_get}, then {@code
     * trailer_values_get} per name), growing the buffer on {@code buflen}. The host knows them once the body was
     * read to its end; before that it answers {@code again}, which this reports as {@code false} with nothing
     * read.
     *
     * @param body the body handle
     * @param sink receives every field, each value of a name in order
     * @return true when the trailers were read (there may be none), false when the body has not been read to
     *     its end yet
     * @throws io.github.computejava.HostcallException if the host refuses otherwise (a released handle, say)
     */
    public static boolean readTrailers(int body, TrailerSink sink) {
        FastlyHttpBody calls = Host.calls().httpBody();
        boolean[] notYet = new boolean[1];
        List<String> names = MultiValue.read(
                (buf, len, cursor, end, nw) ->
                        notYetAsNone(calls.trailerNamesGet(body, buf, len, cursor, end, nw), notYet),
                TRAILER_BUFFER,
                "fastly_http_body.trailer_names_get");
        if (notYet[0]) {
            return false;
        }
        for (String name : names) {
            byte[] nameBytes = Text.latin1(name);
            for (String value : MultiValue.read(
                    (buf, len, cursor, end, nw) -> calls.trailerValuesGet(body, nameBytes, buf, len, cursor, end, nw),
                    TRAILER_BUFFER,
                    "fastly_http_body.trailer_values_get")) {
                sink.field(name, value);
            }
        }
        return true;
    }

    /** {@code again} (the body not read to its end) ends the multi-value read with nothing, and is noted. */
    private static int notYetAsNone(int status, boolean[] notYet) {
        if (status == FastlyStatus.AGAIN) {
            notYet[0] = true;
            return FastlyStatus.NONE;
        }
        return status;
    }

    /**
     * The {@code fastly_http_body} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyHttpBody {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // append(dest: body_handle, src: body_handle) -> status
        @Import(module = "fastly_http_body", name = "append")
        private static native int appendImport(int dest, int src);

        @Override
        public int append(int dest, int src) {
            return appendImport(dest, src);
        }

        // new() -> (status, body_handle)
        @Import(module = "fastly_http_body", name = "new")
        private static native int newImport(Address bodyOut);

        @Override
        public int new_(int[] bodyOut) {
            return newImport(Address.ofData(bodyOut));
        }

        // read(h: body_handle, buf: ptr u8, buf_len: usize) -> (status, num_bytes)
        @Import(module = "fastly_http_body", name = "read")
        private static native int readImport(int body, Address buf, int len, Address nreadOut);

        @Override
        public int read(int body, byte[] buf, int off, int len, int[] nreadOut) {
            return readImport(body, at(buf, off), len, Address.ofData(nreadOut));
        }

        // write(h: body_handle, buf: list u8, end: body_write_end) -> (status, num_bytes)
        @Import(module = "fastly_http_body", name = "write")
        private static native int writeImport(int body, Address buf, int len, int end, Address nwrittenOut);

        @Override
        public int write(int body, byte[] buf, int off, int len, int end, int[] nwrittenOut) {
            return writeImport(body, at(buf, off), len, end, Address.ofData(nwrittenOut));
        }

        // close(h: body_handle) -> status
        @Import(module = "fastly_http_body", name = "close")
        private static native int closeImport(int body);

        @Override
        public int close(int body) {
            return closeImport(body);
        }

        // abandon(h: body_handle) -> status
        @Import(module = "fastly_http_body", name = "abandon")
        private static native int abandonImport(int body);

        @Override
        public int abandon(int body) {
            return abandonImport(body);
        }

        // trailer_append(h: body_handle, name: list u8, value: list u8) -> status
        @Import(module = "fastly_http_body", name = "trailer_append")
        private static native int trailerAppendImport(int body, Address name, int nameLen, Address value, int valueLen);

        @Override
        public int trailerAppend(int body, byte[] name, byte[] value) {
            return trailerAppendImport(body, Address.ofData(name), name.length, Address.ofData(value), value.length);
        }

        // trailer_names_get(h, buf: ptr char8, buf_len: usize, cursor: multi_value_cursor, ending_cursor_out: ptr s64,
        //   nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_body", name = "trailer_names_get")
        private static native int trailerNamesGetImport(
                int body, Address buf, int len, int cursor, Address endingCursorOut, Address nwrittenOut);

        @Override
        public int trailerNamesGet(
                int body, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            long[] endingCursorOutSlot = new long[2];
            int status = trailerNamesGetImport(
                    body, Address.ofData(buf), len, cursor, aligned(endingCursorOutSlot), Address.ofData(nwrittenOut));
            endingCursorOut[0] = aligned(endingCursorOutSlot).getLong();
            return status;
        }

        // trailer_value_get(h, name: list u8, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) ->
        // status
        @Import(module = "fastly_http_body", name = "trailer_value_get")
        private static native int trailerValueGetImport(
                int body, Address name, int nameLen, Address buf, int len, Address nwrittenOut);

        @Override
        public int trailerValueGet(int body, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
            return trailerValueGetImport(
                    body, Address.ofData(name), name.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // trailer_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        @Import(module = "fastly_http_body", name = "trailer_values_get")
        private static native int trailerValuesGetImport(
                int body,
                Address name,
                int nameLen,
                Address buf,
                int len,
                int cursor,
                Address endingCursorOut,
                Address nwrittenOut);

        @Override
        public int trailerValuesGet(
                int body, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
            long[] endingCursorOutSlot = new long[2];
            int status = trailerValuesGetImport(
                    body,
                    Address.ofData(name),
                    name.length,
                    Address.ofData(buf),
                    len,
                    cursor,
                    aligned(endingCursorOutSlot),
                    Address.ofData(nwrittenOut));
            endingCursorOut[0] = aligned(endingCursorOutSlot).getLong();
            return status;
        }

        // known_length(h: body_handle) -> (status, body_length u64)
        @Import(module = "fastly_http_body", name = "known_length")
        private static native int knownLengthImport(int body, Address lengthOut);

        @Override
        public int knownLength(int body, long[] lengthOut) {
            long[] slot = new long[2];
            int status = knownLengthImport(body, aligned(slot));
            lengthOut[0] = aligned(slot).getLong();
            return status;
        }
    }
}
