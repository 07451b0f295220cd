package io.github.computejava.host.readthrough;

import io.github.computejava.host.http.HeaderList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response's {@code Vary} field: the request headers it varies on (lower case, each once, in order), or
 * {@code *}, which no later request can match. Members that are not header names are ignored.
 */
public final class VaryHeader {
    private final List<String> names;
    private final boolean any;

    private VaryHeader(List<String> names, boolean any) {
        this.names = names;
        this.any = any;
    }

    /**
     * Reads every {@code Vary} line of a response.
     *
     * @param responseHeaders the response headers
     * @return the parsed field
     * @throws NullPointerException if {@code responseHeaders} is null
     */
    public static VaryHeader of(HeaderList responseHeaders) {
        List<String> names = new ArrayList<>();
        boolean any = false;
        for (String line : responseHeaders.values("Vary")) {
            for (String member : line.split(",")) {
                String name = member.trim().toLowerCase(Locale.ROOT);
                if (name.equals("*")) {
                    any = true;
                } else if (HeaderList.isValidName(name) && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return new VaryHeader(List.copyOf(names), any);
    }

    /**
     * The header names.
     *
     * @return lower-case names, empty when the response does not vary
     */
    public List<String> names() {
        return names;
    }

    /**
     * Whether the response varies on {@code *}.
     *
     * @return true for {@code Vary: *}
     */
    public boolean any() {
        return any;
    }
}
