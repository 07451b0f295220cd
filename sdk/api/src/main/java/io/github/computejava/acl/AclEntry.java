package io.github.computejava.acl;

import java.util.Objects;

/** The ACL entry an address matched: its action and the prefix that contains the address. */
public final class AclEntry {
    private final String action;
    private final String prefix;

    AclEntry(String action, String prefix) {
        this.action = action;
        this.prefix = prefix;
    }

    /**
     * The entry's action as Fastly writes it.
     *
     * @return {@code ALLOW} or {@code BLOCK}
     */
    public String action() {
        return action;
    }

    /**
     * Whether the action is {@code BLOCK}.
     *
     * @return true for {@code BLOCK}
     */
    public boolean isBlock() {
        return "BLOCK".equalsIgnoreCase(action);
    }

    /**
     * The prefix that matched, in CIDR notation, such as {@code 192.0.2.0/24} or {@code 2001:db8::/32}.
     *
     * @return the prefix
     */
    public String prefix() {
        return prefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AclEntry && ((AclEntry) o).action.equals(action) && ((AclEntry) o).prefix.equals(prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, prefix);
    }

    @Override
    public String toString() {
        return prefix + " " + action;
    }
}
