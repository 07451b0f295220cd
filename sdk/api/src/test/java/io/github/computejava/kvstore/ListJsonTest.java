package io.github.computejava.kvstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.computejava.abi.FastlyKvStore;
import io.github.computejava.internal.guest.KvStoreGuest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListJsonTest {
    @Test
    void readsKeysAndTheNextCursor() {
        ListPage page = ListJson.parse(
                "{\"data\":[\"a\",\"b\\\"q\\u00e9\"],\"meta\":{\"limit\":2,\"prefix\":\"x\",\"next_cursor\":\"YQ==\"}}");
        assertEquals(List.of("a", "b\"q\u00e9"), page.keys());
        assertEquals(Optional.of("YQ=="), page.nextCursor());
    }

    @Test
    void theLastPageHasNoCursorAndUnknownMembersAreSkipped() {
        ListPage page = ListJson.parse(" { \"extra\" : {\"n\": [1, -2.5e3, true, null, {}]}, \"data\" : [ ],"
                + " \"meta\" : { \"limit\" : 100, \"next_cursor\": null } } ");
        assertEquals(List.of(), page.keys());
        assertEquals(Optional.empty(), page.nextCursor());
    }

    @Test
    void malformedPagesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ListJson.parse("{\"data\":[\"a\""));
        assertThrows(IllegalArgumentException.class, () -> ListJson.parse("{\"data\":[1]}"));
        assertThrows(IllegalArgumentException.class, () -> ListJson.parse("{} trailing"));
        assertThrows(IllegalArgumentException.class, () -> ListJson.parse(""));
    }

    @Test
    void optionsCheckTheirArguments() {
        assertThrows(IllegalArgumentException.class, () -> ListOptions.builder().limit(0));
        assertThrows(IllegalArgumentException.class, () -> ListOptions.builder().prefix(""));
        assertThrows(NullPointerException.class, () -> ListOptions.builder().cursor(null));
        ListOptions o = ListOptions.builder().prefix("p").limit(5).build();
        assertEquals(FastlyKvStore.LIST_PREFIX | FastlyKvStore.LIST_LIMIT, mask(o));
        assertEquals(
                FastlyKvStore.LIST_PREFIX | FastlyKvStore.LIST_LIMIT | FastlyKvStore.LIST_CURSOR, mask(o.from("c")));
    }

    private static int mask(ListOptions o) {
        return KvStoreGuest.listMask(o.cursorOrNull(), o.limit(), o.prefixOrNull());
    }
}
