package io.github.computejava.host.readthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity tag (RFC 9110 section 8.8.3): an opaque string, weak when it carries the {@code W/} prefix. Read as
 * leniently as Fastly reads them (observed on Fastly, see docs/caching.md): an unquoted tag ({@code abc}) is the
 * tag {@code "abc"}. Comparison follows section 8.8.3.2.
 */
public final class EntityTag {
    private final boolean weak;
    private final String opaque;

    private EntityTag(boolean weak, String opaque) {
        this.weak = weak;
        this.opaque = opaque;
    }

    /**
     * Reads one entity tag.
     *
     * @param text a tag such as {@code "v1"}, {@code W/"v1"} or {@code v1}
     * @return the tag, or empty for blank text
     * @throws NullPointerException if {@code text} is null
     */
    public static Optional<EntityTag> parse(String text) {
        String t = text.trim();
        boolean weak = t.startsWith("W/");
        if (weak) {
            t = t.substring(2).trim();
        }
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            return Optional.of(new EntityTag(weak, t.substring(1, t.length() - 1)));
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EntityTag(weak, t));
    }

    /**
     * Reads the members of a comma-separated list of entity tags, as {@code If-None-Match} carries them; a comma
     * inside a quoted tag does not separate members, and empty members are skipped.
     *
     * @param fieldLines the field's lines
     * @return the tags in order
     * @throws NullPointerException if {@code fieldLines} or one of its elements is null
     */
    public static List<EntityTag> parseList(List<String> fieldLines) {
        List<EntityTag> tags = new ArrayList<>();
        for (String member : members(fieldLines)) {
            parse(member).ifPresent(tags::add);
        }
        return tags;
    }

    /**
     * Whether a list field is {@code *} (a member that is a lone asterisk).
     *
     * @param fieldLines the field's lines
     * @return true when one member is {@code *}
     * @throws NullPointerException if {@code fieldLines} or one of its elements is null
     */
    public static boolean isAny(List<String> fieldLines) {
        return members(fieldLines).stream().anyMatch(m -> m.trim().equals("*"));
    }

    private static List<String> members(List<String> fieldLines) {
        List<String> members = new ArrayList<>();
        for (String line : fieldLines) {
            Objects.requireNonNull(line, "fieldLines element");
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    members.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            members.add(line.substring(start));
        }
        return members;
    }

    /**
     * Whether it is weak.
     *
     * @return true for a {@code W/} tag
     */
    public boolean weak() {
        return weak;
    }

    /**
     * The opaque string, without quotes.
     *
     * @return the tag's text
     */
    public String opaque() {
        return opaque;
    }

    /**
     * The strong comparison: neither tag is weak and their opaque strings are equal.
     *
     * @param other the other tag
     * @return true when they match strongly
     */
    public boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /**
     * The weak comparison: their opaque strings are equal, weak or not.
     *
     * @param other the other tag
     * @return true when they match weakly
     */
    public boolean weakMatch(EntityTag other) {
        return opaque.equals(other.opaque);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntityTag && ((EntityTag) o).weak == weak && ((EntityTag) o).opaque.equals(opaque);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weak, opaque);
    }

    @Override
    public String toString() {
        return (weak ? "W/" : "") + '"' + opaque + '"';
    }
}
