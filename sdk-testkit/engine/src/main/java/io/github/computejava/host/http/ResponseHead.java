package io.github.computejava.host.http;

/** An HTTP response head as the host holds it. */
public final class ResponseHead extends MessageHead {
    private int status = 200;

    public ResponseHead() {}

    public ResponseHead(int status, HeaderList headers) {
        super(headers);
        this.status = status;
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** Sets the status code. */
    public void status(int status) {
        this.status = status;
    }

    public ResponseHead copy() {
        return copyVersionAndFraming(new ResponseHead(status, headers().copy()));
    }

    @Override
    public String toString() {
        return "HTTP " + status;
    }
}
