package io.github.computejava.cache.core;

import io.github.computejava.fsthttp.Headers;
import io.github.computejava.internal.guest.CacheGuest;

/** Lowers the options to the arguments of {@link CacheGuest}'s calls; closing them frees their request handle. */
final class GuestArgs {
    private GuestArgs() {}

    static CacheGuest.LookupArgs lookup(LookupOptions o) {
        CacheGuest.LookupArgs l = new CacheGuest.LookupArgs();
        if (o.hasRequestHeaders()) {
            headers(l, o.rawRequestHeaders());
        }
        if (o.alwaysUseRequestedRange()) {
            l.alwaysUseRequestedRange();
        }
        return l;
    }

    /** The write options of {@code CoreCache.insert}. */
    static CacheGuest.WriteArgs write(WriteOptions o) {
        return write(o, new CacheGuest.WriteArgs(WriteOptions.nanos(o.ttl())));
    }

    /** The write options of a transaction's or a replace's write: no request headers of their own. */
    static CacheGuest.WriteArgs write(WriteOptions o, CacheGuest.Handle on) {
        if (o.rawRequestHeaders() != null) {
            throw new IllegalArgumentException(
                    "options: requestHeaders are for CoreCache.insert; a transaction uses its lookup's headers");
        }
        return write(o, on.writeArgs(WriteOptions.nanos(o.ttl())));
    }

    private static CacheGuest.WriteArgs write(WriteOptions o, CacheGuest.WriteArgs w) {
        if (o.rawRequestHeaders() != null) {
            headers(w, o.rawRequestHeaders());
        }
        if (!o.varyBy().isEmpty()) {
            w.varyRule(String.join(" ", o.varyBy()));
        }
        if (!o.initialAge().isZero()) {
            w.initialAgeNs(WriteOptions.nanos(o.initialAge()));
        }
        if (!o.staleWhileRevalidate().isZero()) {
            w.staleWhileRevalidateNs(WriteOptions.nanos(o.staleWhileRevalidate()));
        }
        if (!o.surrogateKeys().isEmpty()) {
            w.surrogateKeys(String.join(" ", o.surrogateKeys()));
        }
        if (o.knownLength().isPresent()) {
            w.length(o.knownLength().getAsLong());
        }
        if (o.rawUserMetadata().length > 0) {
            w.userMetadata(o.rawUserMetadata());
        }
        if (o.sensitiveData()) {
            w.sensitiveData();
        }
        return w;
    }

    private static void headers(CacheGuest.Args args, Headers headers) {
        args.requestHeaders();
        for (String name : headers.names()) {
            args.header(name, headers.values(name));
        }
    }
}
