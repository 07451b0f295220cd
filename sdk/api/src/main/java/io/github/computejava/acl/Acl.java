package io.github.computejava.acl;

import io.github.computejava.HostcallException;
import io.github.computejava.internal.JsonReader;
import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.AclGuest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Fastly ACL linked to the service: IP prefixes with an action each. A lookup answers the entry with the
 * longest prefix that contains the address.
 *
 * <pre>{@code
 * Acl blocklist = Acl.open("blocklist");
 * Optional<AclEntry> hit = request.clientAddress().flatMap(blocklist::lookup);
 * if (hit.isPresent() && hit.get().isBlock()) { ... answer 403 ... }
 * }</pre>
 */
public final class Acl {
    private static final String LOOKUP = AclGuest.LOOKUP;

    private final AclGuest.Handle acl;
    private final String name;

    private Acl(AclGuest.Handle acl, String name) {
        this.acl = acl;
        this.name = name;
    }

    /**
     * Opens an ACL by name.
     *
     * @param name the ACL name (case-sensitive)
     * @return the ACL
     * @throws AclNotFoundException if the service has no such ACL
     * @throws IllegalArgumentException if {@code name} is empty
     * @throws NullPointerException if {@code name} is null
     * @throws io.github.computejava.UnsupportedHostcallException if the host has no ACLs
     * @throws HostcallException if the host fails otherwise
     */
    public static Acl open(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: an ACL name cannot be empty");
        }
        AclGuest.Handle acl = AclGuest.open(name);
        if (acl == null) {
            throw new AclNotFoundException(name);
        }
        return new Acl(acl, name);
    }

    /**
     * The ACL name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Looks up an IP address.
     *
     * @param address an IPv4 ({@code 192.0.2.1}) or IPv6 ({@code 2001:db8::1}) literal
     * @return the entry with the longest prefix containing the address, or empty when none does
     * @throws IllegalArgumentException if {@code address} is not an IP address literal
     * @throws NullPointerException if {@code address} is null
     * @throws HostcallException if the host fails the lookup, refuses it as too many requests ({@code
     *     too_many_requests}) or answers data that is not an entry
     */
    public Optional<AclEntry> lookup(String address) {
        Objects.requireNonNull(address, "address");
        byte[] octets;
        try {
            octets = Text.ipOctets(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address: " + e.getMessage(), e);
        }
        return lookupOctets(octets);
    }

    /**
     * Looks up an IP address given as octets in network order.
     *
     * @param octets 4 octets for IPv4, 16 for IPv6
     * @return the entry with the longest prefix containing the address, or empty when none does
     * @throws IllegalArgumentException if {@code octets} does not hold 4 or 16 octets
     * @throws NullPointerException if {@code octets} is null
     * @throws HostcallException if the host fails the lookup, refuses it as too many requests ({@code
     *     too_many_requests}) or answers data that is not an entry
     */
    public Optional<AclEntry> lookup(byte[] octets) {
        Objects.requireNonNull(octets, "octets");
        if (octets.length != 4 && octets.length != 16) {
            throw new IllegalArgumentException(
                    "octets: an IP address has 4 (IPv4) or 16 (IPv6) octets, not " + octets.length);
        }
        return lookupOctets(octets.clone());
    }

    private Optional<AclEntry> lookupOctets(byte[] octets) {
        String json = acl.lookup(octets);
        return json == null ? Optional.empty() : Optional.of(fromJson(json));
    }

    /** Reads the host's JSON answer {@code {"action": "...", "prefix": "..."}} (package-private for tests). */
    static AclEntry fromJson(String json) {
        Map<String, Object> fields;
        try {
            fields = JsonReader.parseObject(json);
        } catch (IllegalArgumentException e) {
            throw new HostcallException(LOOKUP, "error", "the answer is not a JSON object: " + e.getMessage());
        }
        Object action = fields.get("action");
        Object prefix = fields.get("prefix");
        if (!(action instanceof String) || !(prefix instanceof String)) {
            throw new HostcallException(LOOKUP, "error", "the answer lacks a string action and prefix: " + json);
        }
        return new AclEntry((String) action, (String) prefix);
    }

    @Override
    public String toString() {
        return "Acl{" + name + "}";
    }
}
