package io.github.computejava.plugin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Keeps only the exports a Fastly host calls ({@code _start} and {@code memory}): TeaVM also exports its runtime
 * helpers ({@code teavm_gc_collect}, {@code teavm_allocateString}, ...) for JavaScript hosts, which no Compute host
 * calls. Their names are about 800 bytes of every {@code main.wasm}. Only the export section changes: function and
 * memory indices, the code and the data stay as TeaVM wrote them, so the frame map still applies.
 */
final class ExportTrim {
    private static final int EXPORT_SECTION = 7;

    private ExportTrim() {}

    /**
     * The module with only the named exports.
     *
     * @param wasm a WebAssembly binary module
     * @param keep the export names to keep
     * @return the module without the other exports (the same bytes when it exports nothing else)
     * @throws IllegalArgumentException when {@code wasm} is not a well-formed module
     */
    static byte[] keepOnly(byte[] wasm, Set<String> keep) {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new IllegalArgumentException("not a WebAssembly module");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length);
        out.write(wasm, 0, 8);
        int[] pos = {8};
        boolean changed = false;
        while (pos[0] < wasm.length) {
            int start = pos[0];
            int id = wasm[pos[0]++] & 0xff;
            int size = (int) leb(wasm, pos);
            int body = pos[0];
            if (size < 0 || body + size > wasm.length) {
                throw new IllegalArgumentException("section " + id + " runs past the end of the module");
            }
            pos[0] = body + size;
            if (id != EXPORT_SECTION) {
                out.write(wasm, start, pos[0] - start);
                continue;
            }
            int[] p = {body};
            long count = leb(wasm, p);
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            int keptCount = 0;
            for (long i = 0; i < count; i++) {
                int entry = p[0];
                int nameLen = (int) leb(wasm, p);
                String name = new String(wasm, p[0], nameLen, StandardCharsets.UTF_8);
                p[0] += nameLen + 1; // the name, then the kind byte
                leb(wasm, p); // the index
                if (keep.contains(name)) {
                    kept.write(wasm, entry, p[0] - entry);
                    keptCount++;
                }
            }
            if (p[0] != pos[0]) {
                throw new IllegalArgumentException("the export section's entries do not fill it");
            }
            changed |= keptCount != count;
            ByteArrayOutputStream section = new ByteArrayOutputStream();
            writeLeb(section, keptCount);
            section.write(kept.toByteArray(), 0, kept.size());
            out.write(EXPORT_SECTION);
            writeLeb(out, section.size());
            out.write(section.toByteArray(), 0, section.size());
        }
        return changed ? out.toByteArray() : wasm;
    }

    private static long leb(byte[] b, int[] pos) {
        long result = 0;
        int shift = 0;
        while (true) {
            if (pos[0] >= b.length || shift > 35) {
                throw new IllegalArgumentException("a malformed LEB128 number at byte " + pos[0]);
            }
            int x = b[pos[0]++] & 0xff;
            result |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    private static void writeLeb(ByteArrayOutputStream out, long value) {
        do {
            int x = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? x | 0x80 : x);
        } while (value != 0);
    }
}
