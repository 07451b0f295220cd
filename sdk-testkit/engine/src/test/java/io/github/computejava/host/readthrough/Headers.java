package io.github.computejava.host.readthrough;

import io.github.computejava.host.http.HeaderList;

/** Test helper: header lists from name/value pairs. */
final class Headers {
    private Headers() {}

    static HeaderList of(String... nameValues) {
        HeaderList h = new HeaderList();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.append(nameValues[i], nameValues[i + 1]);
        }
        return h;
    }
}
