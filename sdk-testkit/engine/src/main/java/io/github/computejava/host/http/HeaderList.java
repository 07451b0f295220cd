package io.github.computejava.host.http;

import io.github.computejava.abi.HttpToken;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The host's header fields: an ordered list of name/value pairs, names matched case-insensitively. Names and
 * values are Latin-1 strings, so every byte a guest or a peer sends survives.
 */
public final class HeaderList {
    private final ArrayList<String[]> fields = new ArrayList<>();

    public HeaderList() {}

    /** A deep copy. */
    public HeaderList copy() {
        HeaderList copy = new HeaderList();
        for (String[] f : fields) {
            copy.fields.add(new String[] {f[0], f[1]});
        }
        return copy;
    }

    /** Distinct names in first-seen order, as first written. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        for (String[] f : fields) {
            String key = f[0].toLowerCase(Locale.ROOT);
            if (!lower.contains(key)) {
                lower.add(key);
                names.add(f[0]);
            }
        }
        return names;
    }

    /** Every value of {@code name}, in order. */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                values.add(f[1]);
            }
        }
        return values;
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                return f[1];
            }
        }
        return null;
    }

    public boolean contains(String name) {
        return first(name) != null;
    }

    /** Replaces all values of {@code name}. */
    public void set(String name, List<String> values) {
        int at = removeReturningIndex(name);
        List<String[]> added = new ArrayList<>();
        for (String v : values) {
            added.add(new String[] {name, v});
        }
        if (at < 0) {
            fields.addAll(added);
        } else {
            fields.addAll(at, added);
        }
    }

    /** Replaces all values of {@code name} with one value. */
    public void set(String name, String value) {
        set(name, List.of(value));
    }

    public void append(String name, String value) {
        fields.add(new String[] {name, value});
    }

    /** Removes every value of {@code name}; returns whether any was present. */
    public boolean remove(String name) {
        return removeReturningIndex(name) >= 0;
    }

    private int removeReturningIndex(String name) {
        int first = -1;
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i)[0].equalsIgnoreCase(name)) {
                fields.remove(i);
                first = i;
            }
        }
        return first;
    }

    /** All fields as [name, value] pairs, in order (unmodifiable view of copies). */
    public List<String[]> fields() {
        List<String[]> copy = new ArrayList<>(fields.size());
        for (String[] f : fields) {
            copy.add(new String[] {f[0], f[1]});
        }
        return Collections.unmodifiableList(copy);
    }

    public int size() {
        return fields.size();
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Whether {@code name} is an HTTP token (RFC 9110). */
    public static boolean isValidName(String name) {
        return HttpToken.isToken(name);
    }

    /** Whether {@code value} is a legal field value: no CR, LF or NUL, nothing above one byte. */
    public static boolean isValidValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 0xFF) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (String[] f : fields) {
            sb.append(f[0]).append(": ").append(f[1]).append('\n');
        }
        return sb.toString();
    }
}
