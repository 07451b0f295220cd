package io.github.computejava.kvstore;

import io.github.computejava.internal.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON page {@code fastly_kv_store.list} answers: {@code {"data":["key",...],"meta":{"next_cursor":
 * "...",...}}}, with the SDK's own JSON reader (no JSON library in {@code main.wasm}); other members are ignored.
 */
final class ListJson {
    private ListJson() {}

    /**
     * Parses a page.
     *
     * @throws IllegalArgumentException if the text is not such a page
     */
    static ListPage parse(String text) {
        Map<String, Object> page = JsonReader.parseObject(text);
        List<String> keys = new ArrayList<>();
        Object data = page.get("data");
        if (data instanceof List) {
            for (Object key : (List<?>) data) {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException("a key in \"data\" is not a string: " + key);
                }
                keys.add((String) key);
            }
        } else if (data != null && data != JsonReader.NULL) {
            throw new IllegalArgumentException("\"data\" is not an array");
        }
        String next = null;
        Object meta = page.get("meta");
        if (meta instanceof Map) {
            Object cursor = ((Map<?, ?>) meta).get("next_cursor");
            if (cursor instanceof String && !((String) cursor).isEmpty()) {
                next = (String) cursor;
            }
        }
        return new ListPage(keys, next);
    }
}
