package io.github.computejava.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.HostcallException;
import org.junit.jupiter.api.Test;

/** Reading the host's JSON answer to {@code fastly_acl.lookup}. */
class AclJsonTest {
    @Test
    void readsActionAndPrefixAsFastlyAndViceroyWriteThem() {
        AclEntry e = Acl.fromJson("{\n  \"prefix\": \"2001:db8::/32\",\n  \"action\": \"ALLOW\"\n}");
        assertEquals("ALLOW", e.action());
        assertEquals("2001:db8::/32", e.prefix());
        assertFalse(e.isBlock());
        assertTrue(
                Acl.fromJson("{\"action\":\"BLOCK\",\"prefix\":\"1.2.3.0/24\"}").isBlock());
        assertEquals(
                new AclEntry("BLOCK", "1.2.3.0/24"), Acl.fromJson("{\"action\":\"BLOCK\",\"prefix\":\"1.2.3.0/24\"}"));
    }

    @Test
    void anAnswerThatIsNotAnEntryIsAHostcallError() {
        HostcallException e = assertThrows(HostcallException.class, () -> Acl.fromJson("{\"action\":\"BLOCK\"}"));
        assertTrue(e.getMessage().contains("fastly_acl.lookup"), e.getMessage());
        assertTrue(e.getMessage().contains("lacks a string action and prefix"), e.getMessage());
        assertThrows(HostcallException.class, () -> Acl.fromJson("[1]"));
        assertThrows(HostcallException.class, () -> Acl.fromJson("{\"action\":1,\"prefix\":\"1.2.3.0/24\"}"));
    }
}
