package io.github.computejava.kvstore;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON page {@code fastly_kv_store.list} answers: {@code {"data":["key",...],"meta":{"next_cursor":
 * "...",...}}}. A small reader of its own (no JSON library in {@code main.wasm}); other members are skipped.
 */
final class ListJson {
    private final String text;
    private int pos;

    private ListJson(String text) {
        this.text = text;
    }

    /**
     * Parses a page.
     *
     * @throws IllegalArgumentException if the text is not such a page
     */
    static ListPage parse(String text) {
        ListJson p = new ListJson(text);
        List<String> keys = new ArrayList<>();
        String[] next = new String[1];
        p.space();
        p.expect('{');
        p.members(name -> {
            if (name.equals("data")) {
                p.expect('[');
                p.space();
                if (!p.take(']')) {
                    do {
                        p.space();
                        keys.add(p.string());
                        p.space();
                    } while (p.take(','));
                    p.expect(']');
                }
            } else if (name.equals("meta")) {
                p.expect('{');
                p.members(field -> {
                    if (field.equals("next_cursor") && p.peek() == '"') {
                        String c = p.string();
                        next[0] = c.isEmpty() ? null : c;
                    } else {
                        p.skipValue();
                    }
                });
            } else {
                p.skipValue();
            }
        });
        p.space();
        if (p.pos != text.length()) {
            throw p.error("text after the page");
        }
        return new ListPage(keys, next[0]);
    }

    private interface Member {
        void read(String name);
    }

    /** Reads members up to the closing brace (the opening one was read). */
    private void members(Member member) {
        space();
        if (take('}')) {
            return;
        }
        do {
            space();
            String name = string();
            space();
            expect(':');
            space();
            member.read(name);
            space();
        } while (take(','));
        expect('}');
    }

    private void skipValue() {
        space();
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{') {
            pos++;
            members(name -> skipValue());
        } else if (c == '[') {
            pos++;
            space();
            if (!take(']')) {
                do {
                    skipValue();
                    space();
                } while (take(','));
                expect(']');
            }
        } else {
            int start = pos;
            while (pos < text.length() && "-+.eE0123456789truefalsn".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos == start) {
                throw error("a value");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("the end of a string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("an escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'b':
                    sb.append('\b');
                    break;
                case 'f':
                    sb.append('\f');
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'u':
                    if (pos + 4 > text.length()) {
                        throw error("four hex digits");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("four hex digits");
                    }
                    pos += 4;
                    break;
                default:
                    sb.append(e);
                    break;
            }
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("more text");
        }
        return text.charAt(pos);
    }

    private boolean take(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!take(c)) {
            throw error("'" + c + "'");
        }
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("a KV list page: expected " + expected + " at offset " + pos);
    }
}
