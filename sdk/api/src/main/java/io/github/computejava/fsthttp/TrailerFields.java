package io.github.computejava.fsthttp;

import io.github.computejava.internal.guest.HttpBodyGuest;

/** {@link Trailers} as {@link Headers}, each field appended to the body with {@code trailer_append}. */
final class TrailerFields implements Trailers {
    private final Headers fields = new Headers();

    @Override
    public void add(String name, String value) {
        fields.add(name, value);
    }

    @Override
    public void appendTo(int body) {
        for (String name : fields.names()) {
            for (String value : fields.values(name)) {
                HttpBodyGuest.appendTrailer(body, name, value);
            }
        }
    }
}
