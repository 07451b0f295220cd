package io.github.computejava.fsthttp;

import io.github.computejava.ComputeException;
import io.github.computejava.internal.guest.HttpReqGuest;

/** The exception for a failed send, from the {@code send_error_detail} its {@link HttpReqGuest.Outcome} carries. */
final class SendErrorDetail {
    private SendErrorDetail() {}

    /** The exception for a failed send: a missing backend, a transport failure with its detail, or a host error. */
    static ComputeException toException(HttpReqGuest.Outcome o, String backend) {
        int tag = o.errorTag();
        SendErrorKind kind = SendErrorKind.fromTag(tag);
        if (kind == SendErrorKind.DESTINATION_NOT_FOUND || tag == 0 && o.invalidArgument()) {
            return new BackendNotFoundException(backend);
        }
        if (tag <= 1) {
            return o.hostError();
        }
        int rcode = kind == SendErrorKind.DNS_ERROR ? o.dnsRcode() : -1;
        int infoCode = kind == SendErrorKind.DNS_ERROR ? o.dnsInfoCode() : -1;
        int alert = kind == SendErrorKind.TLS_ALERT_RECEIVED ? o.tlsAlertId() : -1;
        int frame = kind == SendErrorKind.H2_ERROR ? o.h2ErrorFrame() : -1;
        long code = frame >= 0 ? o.h2ErrorCode() : 0;
        StringBuilder extra = new StringBuilder();
        if (rcode >= 0) {
            extra.append("rcode ").append(rcode);
        }
        if (infoCode >= 0) {
            extra.append(extra.length() > 0 ? ", " : "").append("info code ").append(infoCode);
        }
        if (alert >= 0) {
            extra.append("alert ").append(alert);
        }
        if (frame >= 0) {
            extra.append("frame ").append(frame).append(", code ").append(code);
        }
        return new SendErrorException(backend, kind, extra.toString(), rcode, infoCode, alert, frame, code);
    }
}
