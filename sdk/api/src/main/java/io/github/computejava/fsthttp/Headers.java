package io.github.computejava.fsthttp;

import io.github.computejava.internal.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP header fields: names are case-insensitive, each name holds one or more values in order, and names keep
 * the case and order in which they were first added.
 *
 * <p>Names must be HTTP tokens and values must not contain CR, LF or NUL; anything else is rejected at once.
 * Non-ASCII characters travel as Latin-1 bytes, as in every HTTP/1.1 implementation.
 */
public final class Headers {
    private final LinkedHashMap<String, Field> fields = new LinkedHashMap<>();

    private static final class Field {
        final String name;
        final ArrayList<String> values = new ArrayList<>(1);

        Field(String name) {
            this.name = name;
        }
    }

    /** Creates an empty header set. */
    public Headers() {}

    /**
     * A copy of these headers; later changes to either do not affect the other.
     *
     * @return the copy
     */
    public Headers copy() {
        Headers copy = new Headers();
        copy.setAll(this);
        return copy;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return the first value, or empty when the header is absent
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> get(String name) {
        Field field = fields.get(key(name));
        return field == null ? Optional.empty() : Optional.of(field.values.get(0));
    }

    /**
     * Every value of a header, in order.
     *
     * @param name the header name, in any case
     * @return an unmodifiable list, empty when the header is absent
     * @throws NullPointerException if {@code name} is null
     */
    public List<String> values(String name) {
        Field field = fields.get(key(name));
        return field == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(field.values));
    }

    /**
     * Whether a header is present.
     *
     * @param name the header name, in any case
     * @return true when it has at least one value
     * @throws NullPointerException if {@code name} is null
     */
    public boolean contains(String name) {
        return fields.containsKey(key(name));
    }

    /**
     * The header names, in the case and order they were first added.
     *
     * @return an unmodifiable snapshot of the names
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        for (Field field : fields.values()) {
            names.add(field.name);
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The number of distinct header names.
     *
     * @return the count of names
     */
    public int size() {
        return fields.size();
    }

    /**
     * Whether there are no headers.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * Replaces every value of a header with one value.
     *
     * @param name the header name
     * @param value the value
     * @return these headers
     * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
     * @throws NullPointerException if an argument is null
     */
    public Headers set(String name, String value) {
        checkValue(value);
        Field field = new Field(checkName(name));
        field.values.add(value);
        fields.put(Text.asciiLower(name), field);
        return this;
    }

    /**
     * Replaces every value of a header with the given values; an empty list removes the header.
     *
     * @param name the header name
     * @param values the values, in order
     * @return these headers
     * @throws IllegalArgumentException if the name is not an HTTP token or a value holds CR, LF or NUL
     * @throws NullPointerException if an argument or a value is null
     */
    public Headers set(String name, List<String> values) {
        checkName(name);
        for (String value : values) {
            checkValue(value);
        }
        if (values.isEmpty()) {
            fields.remove(Text.asciiLower(name));
            return this;
        }
        Field field = new Field(name);
        field.values.addAll(values);
        fields.put(Text.asciiLower(name), field);
        return this;
    }

    /**
     * Adds a value after any existing values of a header.
     *
     * @param name the header name
     * @param value the value
     * @return these headers
     * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
     * @throws NullPointerException if an argument is null
     */
    public Headers add(String name, String value) {
        checkValue(value);
        String key = Text.asciiLower(checkName(name));
        Field field = fields.get(key);
        if (field == null) {
            field = new Field(name);
            fields.put(key, field);
        }
        field.values.add(value);
        return this;
    }

    /**
     * Removes a header and all its values.
     *
     * @param name the header name, in any case
     * @return these headers
     * @throws NullPointerException if {@code name} is null
     */
    public Headers remove(String name) {
        fields.remove(key(name));
        return this;
    }

    /**
     * Removes every header.
     *
     * @return these headers
     */
    public Headers clear() {
        fields.clear();
        return this;
    }

    /**
     * Replaces these headers with a copy of {@code other}.
     *
     * @param other the headers to copy
     * @return these headers
     * @throws NullPointerException if {@code other} is null
     */
    public Headers setAll(Headers other) {
        Objects.requireNonNull(other, "other");
        if (other == this) {
            return this;
        }
        fields.clear();
        for (Map.Entry<String, Field> entry : other.fields.entrySet()) {
            Field copy = new Field(entry.getValue().name);
            copy.values.addAll(entry.getValue().values);
            fields.put(entry.getKey(), copy);
        }
        return this;
    }

    /**
     * Copies every header of {@code other} into these headers; a name present in both takes {@code other}'s
     * values (Go's {@code Header.Apply}).
     *
     * @param other the headers to apply
     * @return these headers
     * @throws NullPointerException if {@code other} is null
     */
    public Headers apply(Headers other) {
        Objects.requireNonNull(other, "other");
        if (other == this) {
            return this;
        }
        for (Map.Entry<String, Field> entry : other.fields.entrySet()) {
            Field copy = new Field(entry.getValue().name);
            copy.values.addAll(entry.getValue().values);
            fields.put(entry.getKey(), copy);
        }
        return this;
    }

    /**
     * The headers as an unmodifiable map from name (as first added) to values.
     *
     * @return a snapshot map in insertion order
     */
    public Map<String, List<String>> toMap() {
        LinkedHashMap<String, List<String>> map = new LinkedHashMap<>();
        for (Field field : fields.values()) {
            map.put(field.name, Collections.unmodifiableList(new ArrayList<>(field.values)));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The names, first-added case, for the SDK's own iteration. */
    Set<String> keys() {
        return fields.keySet();
    }

    /** The live value list under a lower-case key, for the SDK's own encoding. */
    List<String> rawValues(String lowerKey) {
        return fields.get(lowerKey).values;
    }

    /** The name under a lower-case key, as first added. */
    String rawName(String lowerKey) {
        return fields.get(lowerKey).name;
    }

    /** Adds a value the host supplied, without validation (the host already parsed it). */
    void addTrusted(String name, String value) {
        String key = Text.asciiLower(name);
        Field field = fields.get(key);
        if (field == null) {
            field = new Field(name);
            fields.put(key, field);
        }
        field.values.add(value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Field field : fields.values()) {
            for (String value : field.values) {
                sb.append(field.name).append(": ").append(value).append('\n');
            }
        }
        return sb.toString();
    }

    private static String key(String name) {
        return Text.asciiLower(Objects.requireNonNull(name, "name"));
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: a header name cannot be empty");
        }
        for (int i = 0, n = name.length(); i < n; i++) {
            if (!Text.isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException(
                        "name: '" + name + "' is not a valid header name (character " + i + " is not allowed)");
            }
        }
        return name;
    }

    static String checkValue(String value) {
        Objects.requireNonNull(value, "value");
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("value: a header value cannot contain CR, LF or NUL");
            }
        }
        return value;
    }
}
