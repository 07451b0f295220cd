package io.github.computejava.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {
    @Test
    void readsEveryKindOfValue() {
        Map<String, Object> o =
                JsonReader.parseObject(" {\"s\": \"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\", \"i\": -700,"
                        + " \"d\": 37.77869, \"e\": 1e3, \"t\": true, \"f\": false, \"n\": null,"
                        + " \"a\": [1, \"x\", [], {}], \"o\": {\"k\": 0}, \"big\": 12345678901234567890} ");
        assertEquals("a\"b\\c/\né\uD83D\uDE00", o.get("s"));
        assertEquals(-700L, o.get("i"));
        assertEquals(37.77869, o.get("d"));
        assertEquals(1000.0, o.get("e"));
        assertEquals(Boolean.TRUE, o.get("t"));
        assertEquals(Boolean.FALSE, o.get("f"));
        assertSame(JsonReader.NULL, o.get("n"));
        assertEquals(List.of(1L, "x", List.of(), Map.of()), o.get("a"));
        assertEquals(Map.of("k", 0L), o.get("o"));
        assertEquals(1.2345678901234567e19, o.get("big"));
        assertEquals(List.of("s", "i", "d", "e", "t", "f", "n", "a", "o", "big"), List.copyOf(o.keySet()));
    }

    @Test
    void readsTheLongestLongsExactly() {
        assertEquals(
                Map.of("max", 999_999_999_999_999_999L, "min", -999_999_999_999_999_999L),
                JsonReader.parseObject("{\"max\":999999999999999999,\"min\":-999999999999999999}"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|0|expected '{' to start an object",
                "[1]|0|expected '{' to start an object",
                "{|1|expected a member name in double quotes",
                "{\"a\"}|4|expected ':'",
                "{\"a\":}|5|expected a value",
                "{\"a\":1,}|7|expected a member name in double quotes",
                "{\"a\":1 \"b\":2}|7|expected ',' or '}' in an object",
                "{\"a\":[1 2]}|8|expected ',' or ']' in an array",
                "{\"a\":\"x|7|unterminated string",
                "{\"a\":\"\\x\"}|7|invalid escape",
                "{\"a\":\"\\u12\"}|10|expected four hex digits",
                "{\"a\":01}|6|expected ',' or '}' in an object",
                "{\"a\":-}|6|expected a digit",
                "{\"a\":1.}|7|expected a digit after '.'",
                "{\"a\":1e}|7|expected a digit in the exponent",
                "{\"a\":tru}|5|expected 'true'",
                "{\"a\":nul|5|expected 'null'",
                "{\"a\":1} x|8|expected the end of the document",
                "{\"a\":1|6|expected ',' or '}' in an object",
            })
    void malformedInputNamesTheOffsetAndWhatWasExpected(String json, int offset, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parseObject(json));
        assertTrue(e.getMessage().startsWith("malformed JSON at offset " + offset + ": " + expected), e.getMessage());
    }

    @Test
    void controlCharactersInStringsAreRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> JsonReader.parseObject("{\"a\":\"x\ny\"}"));
        assertEquals("malformed JSON at offset 7: control character in a string", e.getMessage());
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        String deep = "{\"a\":" + "[".repeat(100_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parseObject(deep));
        assertTrue(e.getMessage().contains("nested deeper than 64 levels"), e.getMessage());
        String ok = "{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}";
        assertEquals(1, JsonReader.parseObject(ok).size());
    }
}
