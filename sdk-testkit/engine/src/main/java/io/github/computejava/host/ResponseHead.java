package io.github.computejava.host;

/** An HTTP response head as the host holds it. */
public final class ResponseHead extends MessageHead {
    public int status = 200;

    public ResponseHead() {}

    public ResponseHead(int status, HeaderList headers) {
        super(headers);
        this.status = status;
    }

    public ResponseHead copy() {
        return copyVersionAndFraming(new ResponseHead(status, headers.copy()));
    }

    @Override
    public String toString() {
        return "HTTP " + status;
    }
}
