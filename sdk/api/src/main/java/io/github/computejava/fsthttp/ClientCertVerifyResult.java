package io.github.computejava.fsthttp;

/**
 * How the client's TLS certificate fared when the host verified it ({@code client_cert_verify_result}), as
 * {@link ClientInfo#tlsClientCertVerifyResult()} reports it.
 */
public enum ClientCertVerifyResult {
    /** The certificate verified. */
    OK,
    /** The certificate is corrupt (its signatures do not verify, for example). */
    BAD_CERTIFICATE,
    /** The certificate was revoked by its signer. */
    CERTIFICATE_REVOKED,
    /** The certificate has expired or is not yet valid. */
    CERTIFICATE_EXPIRED,
    /** The certificate's CA is not trusted. */
    UNKNOWN_CA,
    /** The client sent no certificate. */
    CERTIFICATE_MISSING,
    /** Another problem made the certificate unacceptable. */
    CERTIFICATE_UNKNOWN
}
