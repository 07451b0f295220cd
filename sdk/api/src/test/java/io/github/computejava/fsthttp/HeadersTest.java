package io.github.computejava.fsthttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadersTest {
    @Test
    void namesAreCaseInsensitiveAndKeepTheirFirstSpelling() {
        Headers h = new Headers().add("X-Thing", "1").add("x-thing", "2").add("Accept", "*/*");
        assertEquals(List.of("1", "2"), h.values("X-THING"));
        assertEquals(Optional.of("1"), h.get("x-Thing"));
        assertEquals(List.of("X-Thing", "Accept"), h.names());
    }

    @Test
    void setReplacesAllValuesAndRemoveDeletes() {
        Headers h = new Headers().add("A", "1").add("a", "2");
        h.set("a", "3");
        assertEquals(List.of("3"), h.values("A"));
        h.remove("A");
        assertFalse(h.contains("a"));
        assertEquals(Optional.empty(), h.get("a"));
        assertTrue(h.isEmpty());
    }

    @Test
    void copyAndSetAllAreIndependent() {
        Headers a = new Headers().add("A", "1");
        Headers b = a.copy();
        b.add("A", "2");
        assertEquals(List.of("1"), a.values("A"));
        a.setAll(b);
        b.add("A", "3");
        assertEquals(List.of("1", "2"), a.values("A"));
    }

    @Test
    void valuesListIsASnapshot() {
        Headers h = new Headers().add("A", "1");
        List<String> values = h.values("A");
        h.add("A", "2");
        assertEquals(List.of("1"), values);
        assertThrows(UnsupportedOperationException.class, () -> values.add("x"));
    }

    @Test
    void rejectsInvalidNamesAndValuesNamingTheArgument() {
        Headers h = new Headers();
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> h.set("Bad Name", "v"));
        assertTrue(name.getMessage().startsWith("name:"));
        IllegalArgumentException value =
                assertThrows(IllegalArgumentException.class, () -> h.set("X", "a\r\nInjected: yes"));
        assertTrue(value.getMessage().startsWith("value:"));
        assertThrows(IllegalArgumentException.class, () -> h.add("", "v"));
        assertThrows(NullPointerException.class, () -> h.add("X", null));
        assertTrue(h.isEmpty());
    }

    @Test
    void setWithEmptyListRemoves() {
        Headers h = new Headers().add("A", "1");
        h.set("a", List.of());
        assertFalse(h.contains("A"));
    }
}
