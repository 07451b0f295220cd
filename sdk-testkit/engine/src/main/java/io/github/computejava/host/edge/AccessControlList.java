package io.github.computejava.host.edge;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.computejava.abi.IpText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Fastly ACL: IP prefixes (IPv4 and IPv6, in CIDR notation) each with an action, {@code ALLOW} or {@code
 * BLOCK}. A lookup answers the entry with the longest prefix that contains the address (of two equal prefixes,
 * the later); an IPv4 address never matches an IPv6 prefix and the other way round. Prefixes are kept normalized
 * ({@code 1.2.3.4/24} becomes {@code 1.2.3.0/24}), as Fastly and Viceroy keep them.
 *
 * <p>The JSON form is the one Fastly's API takes to fill an ACL and Viceroy reads from a file: {@code
 * {"entries": [{"prefix": "1.2.3.0/24", "action": "BLOCK"}, ...]}} (other members, such as {@code op}, are
 * ignored).
 */
public final class AccessControlList {
    /** One prefix and its action. */
    public static final class Entry {
        private final byte[] network;
        private final int mask;
        private final String action;

        private Entry(byte[] network, int mask, String action) {
            this.network = network;
            this.mask = mask;
            this.action = action;
        }

        /**
         * Parses an entry.
         *
         * @param prefix an address and a mask length, such as {@code 192.0.2.0/24} (mask 1 to 32) or {@code
         *     2001:db8::/32} (mask 1 to 128)
         * @param action {@code ALLOW} or {@code BLOCK}, in any case
         * @return the entry, its address cut to the mask
         * @throws IllegalArgumentException naming the problem when the prefix or the action is malformed
         * @throws NullPointerException if an argument is null
         */
        public static Entry of(String prefix, String action) {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(action, "action");
            String a = action.toUpperCase(Locale.ROOT);
            if (!a.equals("ALLOW") && !a.equals("BLOCK")) {
                throw new IllegalArgumentException("action \"" + action + "\" is neither ALLOW nor BLOCK");
            }
            int slash = prefix.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("prefix \"" + prefix + "\" is not ADDRESS/MASK");
            }
            String ip = prefix.substring(0, slash);
            String maskText = prefix.substring(slash + 1);
            byte[] address;
            try {
                address = IpText.parse(ip);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "prefix \"" + prefix + "\": \"" + ip + "\" is not an IP address: " + e.getMessage(), e);
            }
            int bits = address.length * 8;
            int mask;
            if (!maskText.matches("[0-9]{1,3}") || (mask = Integer.parseInt(maskText)) < 1 || mask > bits) {
                throw new IllegalArgumentException(
                        "prefix \"" + prefix + "\": the mask must be a number from 1 to " + bits);
            }
            return new Entry(cut(address, mask), mask, a);
        }

        /** {@code ALLOW} or {@code BLOCK}. */
        public String action() {
            return action;
        }

        /** The normalized prefix, such as {@code 1.2.3.0/24} or {@code 2001:db8::/32}. */
        public String prefix() {
            return IpText.format(network, network.length) + "/" + mask;
        }

        /** The mask length. */
        public int mask() {
            return mask;
        }

        /** What {@code fastly_acl.lookup} answers for this entry: {@code {"action":"BLOCK","prefix":"..."}}. */
        public String toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("action", action);
            o.addProperty("prefix", prefix());
            return o.toString();
        }

        boolean contains(byte[] address) {
            return address.length == network.length && java.util.Arrays.equals(cut(address, mask), network);
        }

        @Override
        public String toString() {
            return prefix() + " " + action;
        }
    }

    private final List<Entry> entries;

    /**
     * An ACL of these entries, in order.
     *
     * @param entries the entries (copied)
     * @throws NullPointerException if {@code entries} or one of them is null
     */
    public AccessControlList(List<Entry> entries) {
        List<Entry> copy = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            copy.add(Objects.requireNonNull(e, "entry"));
        }
        this.entries = Collections.unmodifiableList(copy);
    }

    /**
     * Reads the JSON form {@code {"entries": [{"prefix": "...", "action": "..."}, ...]}}.
     *
     * @param json the JSON text
     * @return the ACL
     * @throws IllegalArgumentException naming the entry and the problem when the text is not valid JSON, has no
     *     {@code entries} array, or an entry's prefix or action is missing or malformed
     * @throws NullPointerException if {@code json} is null
     */
    public static AccessControlList parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("an ACL must be a JSON object with an \"entries\" array");
        }
        JsonElement list = root.getAsJsonObject().get("entries");
        if (list == null || !list.isJsonArray()) {
            throw new IllegalArgumentException("an ACL must be a JSON object with an \"entries\" array");
        }
        JsonArray array = list.getAsJsonArray();
        List<Entry> entries = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("entries[" + i + "] must be an object with prefix and action");
            }
            String prefix = string(e.getAsJsonObject(), "prefix", i);
            String action = string(e.getAsJsonObject(), "action", i);
            try {
                entries.add(Entry.of(prefix, action));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException("entries[" + i + "]: " + x.getMessage(), x);
            }
        }
        return new AccessControlList(entries);
    }

    private static String string(JsonObject o, String key, int i) {
        JsonElement v = o.get(key);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("entries[" + i + "]." + key + " must be a string");
        }
        return v.getAsString();
    }

    /** The entries in order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The entry with the longest prefix containing the address; of equal prefixes, the later one.
     *
     * @param address 4 octets (IPv4) or 16 (IPv6) in network order
     * @return the entry, or empty when none contains the address
     * @throws IllegalArgumentException if {@code address} does not hold 4 or 16 octets
     * @throws NullPointerException if {@code address} is null
     */
    public Optional<Entry> lookup(byte[] address) {
        Objects.requireNonNull(address, "address");
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("address: an IP address has 4 or 16 octets, not " + address.length);
        }
        Entry best = null;
        for (Entry e : entries) {
            if (e.contains(address) && (best == null || e.mask >= best.mask)) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    private static byte[] cut(byte[] address, int mask) {
        byte[] out = new byte[address.length];
        for (int i = 0; i < address.length; i++) {
            int keep = Math.max(0, Math.min(8, mask - 8 * i));
            out[i] = (byte) (address[i] & (0xFF00 >> keep));
        }
        return out;
    }
}
