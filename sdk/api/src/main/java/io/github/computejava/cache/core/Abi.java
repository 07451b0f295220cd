package io.github.computejava.cache.core;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.fsthttp.Headers;
import io.github.computejava.internal.MultiValue;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;

/** Lowers the options to the {@code fastly_cache} records and maps the calls' statuses. */
final class Abi {
    /** {@code cache_lookup_state}. */
    static final int FOUND = 1;

    static final int USABLE = 1 << 1;
    static final int STALE = 1 << 2;
    static final int MUST_INSERT_OR_UPDATE = 1 << 3;

    private Abi() {}

    /** Lowered lookup options; {@link #close} frees the request handle that carried the headers. */
    static final class Lookup implements AutoCloseable {
        final Hostcalls calls;
        final CacheLookupOptions options = new CacheLookupOptions();
        int mask;
        int request = -1;

        Lookup(Hostcalls calls) {
            this.calls = calls;
        }

        @Override
        public void close() {
            closeRequest(calls, request);
        }
    }

    static Lookup lookup(Hostcalls calls, LookupOptions o) {
        Lookup l = new Lookup(calls);
        if (o.hasRequestHeaders()) {
            l.request = requestWith(calls, o.rawRequestHeaders());
            l.options.requestHeaders = l.request;
            l.mask |= CacheLookupOptions.MASK_REQUEST_HEADERS;
        }
        if (o.alwaysUseRequestedRange()) {
            l.mask |= CacheLookupOptions.MASK_ALWAYS_USE_REQUESTED_RANGE;
        }
        return l;
    }

    /** Lowered write options. */
    static final class Write implements AutoCloseable {
        final Hostcalls calls;
        final CacheWriteOptions options = new CacheWriteOptions();
        int mask;
        int request = -1;

        Write(Hostcalls calls) {
            this.calls = calls;
        }

        @Override
        public void close() {
            closeRequest(calls, request);
        }
    }

    static Write write(Hostcalls calls, WriteOptions o, boolean transactional) {
        if (transactional && o.rawRequestHeaders() != null) {
            throw new IllegalArgumentException(
                    "options: requestHeaders are for CoreCache.insert; a transaction uses its lookup's headers");
        }
        Write w = new Write(calls);
        CacheWriteOptions r = w.options;
        r.maxAgeNs = WriteOptions.nanos(o.ttl());
        if (o.rawRequestHeaders() != null) {
            w.request = requestWith(calls, o.rawRequestHeaders());
            r.requestHeaders = w.request;
            w.mask |= CacheWriteOptions.MASK_REQUEST_HEADERS;
        }
        if (!o.varyBy().isEmpty()) {
            r.varyRule = Text.latin1(String.join(" ", o.varyBy()));
            w.mask |= CacheWriteOptions.MASK_VARY_RULE;
        }
        if (!o.initialAge().isZero()) {
            r.initialAgeNs = WriteOptions.nanos(o.initialAge());
            w.mask |= CacheWriteOptions.MASK_INITIAL_AGE_NS;
        }
        if (!o.staleWhileRevalidate().isZero()) {
            r.staleWhileRevalidateNs = WriteOptions.nanos(o.staleWhileRevalidate());
            w.mask |= CacheWriteOptions.MASK_STALE_WHILE_REVALIDATE_NS;
        }
        if (!o.surrogateKeys().isEmpty()) {
            r.surrogateKeys = Text.latin1(String.join(" ", o.surrogateKeys()));
            w.mask |= CacheWriteOptions.MASK_SURROGATE_KEYS;
        }
        if (o.knownLength().isPresent()) {
            r.length = o.knownLength().getAsLong();
            w.mask |= CacheWriteOptions.MASK_LENGTH;
        }
        if (o.rawUserMetadata().length > 0) {
            r.userMetadata = o.rawUserMetadata();
            w.mask |= CacheWriteOptions.MASK_USER_METADATA;
        }
        if (o.sensitiveData()) {
            w.mask |= CacheWriteOptions.MASK_SENSITIVE_DATA;
        }
        return w;
    }

    /** Throws for a failed write hostcall, naming the cache's limits when the host cites one. */
    static void checkWrite(int status, String hostcall) {
        if (status == FastlyStatus.LIMITEXCEEDED) {
            throw new CacheLimitExceededException("the key already has 8 vary rules, the most one key may have ("
                    + hostcall + " returned limitexceeded)");
        }
        Statuses.check(status, hostcall);
    }

    private static int requestWith(Hostcalls calls, Headers headers) {
        int[] out = new int[1];
        Statuses.check(calls.reqNew(out), "fastly_http_req.new");
        int req = out[0];
        for (String name : headers.names()) {
            byte[] values = MultiValue.encode(headers.values(name));
            int status = calls.reqHeaderValuesSet(req, Text.latin1(name), values, values.length);
            if (status != FastlyStatus.OK) {
                calls.reqClose(req);
                throw Statuses.toException(status, "fastly_http_req.header_values_set");
            }
        }
        return req;
    }

    private static void closeRequest(Hostcalls calls, int req) {
        if (req >= 0) {
            calls.reqClose(req);
        }
    }
}
