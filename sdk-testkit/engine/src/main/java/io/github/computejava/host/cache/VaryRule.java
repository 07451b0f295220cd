package io.github.computejava.host.cache;

import io.github.computejava.host.http.HeaderList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The request header names an object varies on, canonical: lower-case, distinct, sorted. A lookup matches an
 * object when its request's values of these headers equal those of the request that wrote the object.
 */
public final class VaryRule {
    /** The rule of an object that does not vary. */
    public static final VaryRule NONE = new VaryRule(List.of());

    private final List<String> names;

    private VaryRule(List<String> names) {
        this.names = names;
    }

    /**
     * Parses a space-separated list of header names, as the {@code vary_rule} write option carries it.
     *
     * @param rule the names; empty (or only spaces) for no variance
     * @return the canonical rule
     * @throws IllegalArgumentException if a name is not an HTTP token
     */
    public static VaryRule parse(String rule) {
        List<String> names = new ArrayList<>();
        for (String name : rule.split(" ")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return of(names);
    }

    /**
     * A rule from header names in any case and order.
     *
     * @param names the header names
     * @return the canonical rule
     * @throws IllegalArgumentException if a name is not an HTTP token
     */
    public static VaryRule of(List<String> names) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : names) {
            if (!HeaderList.isValidName(name)) {
                throw new IllegalArgumentException("vary rule: '" + name + "' is not a header name");
            }
            sorted.add(name.toLowerCase(Locale.ROOT));
        }
        return sorted.isEmpty() ? NONE : new VaryRule(Collections.unmodifiableList(new ArrayList<>(sorted)));
    }

    /**
     * The header names, lower-case and sorted.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }

    /**
     * The variant of a request under this rule: a signature that is equal for two requests exactly when their
     * values of the rule's headers are equal (each name and value is length-prefixed, so no value can imitate
     * another's boundary).
     *
     * @param requestHeaders the request's headers
     * @return the signature
     */
    public String variant(HeaderList requestHeaders) {
        StringBuilder sb = new StringBuilder();
        sb.append(names.size()).append(':');
        for (String name : names) {
            sb.append(name.length()).append(':').append(name);
            List<String> values = requestHeaders.values(name);
            sb.append(values.size()).append(':');
            for (String v : values) {
                sb.append(v.length()).append(':').append(v);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaryRule && ((VaryRule) o).names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return String.join(" ", names);
    }
}
