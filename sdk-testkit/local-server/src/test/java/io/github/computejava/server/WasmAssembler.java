package io.github.computejava.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Assembles small WebAssembly modules for tests: imports, one memory (exported as {@code memory}), data segments
 * and functions written with a few instructions. Enough to write test programs that call hostcalls.
 */
final class WasmAssembler {
    static final byte I32 = 0x7f;
    static final byte I64 = 0x7e;

    private final List<byte[]> types = new ArrayList<>();
    private final List<String[]> imports = new ArrayList<>();
    private final List<Integer> importTypes = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<Object[]> exports = new ArrayList<>();
    private final List<Object[]> data = new ArrayList<>();
    private int memoryPages = 1;

    /** Imports a function; returns its index. Imports must come before functions. */
    int importFunction(String module, String name, int i32Params, boolean i32Result) {
        byte[] params = new byte[i32Params];
        Arrays.fill(params, I32);
        return importFunction(module, name, params, i32Result ? new byte[] {I32} : new byte[0]);
    }

    int importFunction(String module, String name, byte[] params, byte[] results) {
        if (!functionTypes.isEmpty()) {
            throw new IllegalStateException("imports come first");
        }
        imports.add(new String[] {module, name});
        importTypes.add(type(params, results));
        return imports.size() - 1;
    }

    /** Defines a function with i32 locals; returns its index. */
    int function(byte[] params, byte[] results, int i32Locals, Consumer<Code> body) {
        functionTypes.add(type(params, results));
        Code c = new Code();
        body.accept(c);
        c.out.write(0x0b);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        if (i32Locals > 0) {
            uleb(f, 1);
            uleb(f, i32Locals);
            f.write(I32);
        } else {
            uleb(f, 0);
        }
        f.writeBytes(c.out.toByteArray());
        bodies.add(f.toByteArray());
        return imports.size() + functionTypes.size() - 1;
    }

    /** Defines and exports {@code _start} (no parameters or results). */
    WasmAssembler start(int i32Locals, Consumer<Code> body) {
        int index = function(new byte[0], new byte[0], i32Locals, body);
        exports.add(new Object[] {"_start", 0, index});
        return this;
    }

    WasmAssembler data(int offset, byte[] bytes) {
        data.add(new Object[] {offset, bytes});
        return this;
    }

    WasmAssembler data(int offset, String text) {
        return data(offset, text.getBytes(StandardCharsets.UTF_8));
    }

    WasmAssembler memoryPages(int pages) {
        this.memoryPages = pages;
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(m, 1, s -> {
            uleb(s, types.size());
            types.forEach(s::writeBytes);
        });
        section(m, 2, s -> {
            uleb(s, imports.size());
            for (int i = 0; i < imports.size(); i++) {
                name(s, imports.get(i)[0]);
                name(s, imports.get(i)[1]);
                s.write(0);
                uleb(s, importTypes.get(i));
            }
        });
        section(m, 3, s -> {
            uleb(s, functionTypes.size());
            functionTypes.forEach(t -> uleb(s, t));
        });
        section(m, 5, s -> {
            uleb(s, 1);
            s.write(0);
            uleb(s, memoryPages);
        });
        section(m, 7, s -> {
            uleb(s, exports.size() + 1);
            name(s, "memory");
            s.write(2);
            uleb(s, 0);
            for (Object[] e : exports) {
                name(s, (String) e[0]);
                s.write((Integer) e[1]);
                uleb(s, (Integer) e[2]);
            }
        });
        section(m, 10, s -> {
            uleb(s, bodies.size());
            for (byte[] b : bodies) {
                uleb(s, b.length);
                s.writeBytes(b);
            }
        });
        section(m, 11, s -> {
            uleb(s, data.size());
            for (Object[] d : data) {
                s.write(0);
                s.write(0x41);
                sleb(s, (Integer) d[0]);
                s.write(0x0b);
                byte[] bytes = (byte[]) d[1];
                uleb(s, bytes.length);
                s.writeBytes(bytes);
            }
        });
        return m.toByteArray();
    }

    private int type(byte[] params, byte[] results) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.write(0x60);
        uleb(t, params.length);
        t.writeBytes(params);
        uleb(t, results.length);
        t.writeBytes(results);
        byte[] bytes = t.toByteArray();
        for (int i = 0; i < types.size(); i++) {
            if (Arrays.equals(types.get(i), bytes)) {
                return i;
            }
        }
        types.add(bytes);
        return types.size() - 1;
    }

    private static void section(ByteArrayOutputStream m, int id, Consumer<ByteArrayOutputStream> content) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        content.accept(s);
        m.write(id);
        uleb(m, s.size());
        m.writeBytes(s.toByteArray());
    }

    private static void name(ByteArrayOutputStream s, String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        uleb(s, b.length);
        s.writeBytes(b);
    }

    static void uleb(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    static void sleb(ByteArrayOutputStream out, long value) {
        while (true) {
            int b = (int) (value & 0x7f);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
    }

    /** A function body under construction. */
    static final class Code {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Code i32(int value) {
            out.write(0x41);
            sleb(out, value);
            return this;
        }

        Code i64(long value) {
            out.write(0x42);
            sleb(out, value);
            return this;
        }

        Code call(int function) {
            out.write(0x10);
            uleb(out, function);
            return this;
        }

        Code drop() {
            out.write(0x1a);
            return this;
        }

        Code unreachable() {
            out.write(0x00);
            return this;
        }

        Code get(int local) {
            out.write(0x20);
            uleb(out, local);
            return this;
        }

        Code set(int local) {
            out.write(0x21);
            uleb(out, local);
            return this;
        }

        /** i32.load at the address on the stack. */
        Code load() {
            out.write(0x28);
            uleb(out, 2);
            uleb(out, 0);
            return this;
        }

        /** i32.load of a constant address. */
        Code load(int address) {
            return i32(address).load();
        }

        /** i32.store (address, value on the stack). */
        Code store() {
            out.write(0x36);
            uleb(out, 2);
            uleb(out, 0);
            return this;
        }

        Code add() {
            out.write(0x6a);
            return this;
        }

        Code eqz() {
            out.write(0x45);
            return this;
        }

        Code eq() {
            out.write(0x46);
            return this;
        }

        Code ne() {
            out.write(0x47);
            return this;
        }

        /** if (condition on the stack) ... end, no result. */
        Code ifThen(Consumer<Code> then) {
            out.write(0x04);
            out.write(0x40);
            then.accept(this);
            out.write(0x0b);
            return this;
        }

        /** block { loop { body } }: {@link #breakIf} 1 leaves, {@link #continueIf} repeats. */
        Code loop(Consumer<Code> body) {
            out.write(0x02);
            out.write(0x40);
            out.write(0x03);
            out.write(0x40);
            body.accept(this);
            out.write(0x0b);
            out.write(0x0b);
            return this;
        }

        /** Leaves the enclosing {@link #loop} when the condition is true. */
        Code breakIf() {
            out.write(0x0d);
            uleb(out, 1);
            return this;
        }

        /** Repeats the enclosing {@link #loop} when the condition is true. */
        Code continueIf() {
            out.write(0x0d);
            uleb(out, 0);
            return this;
        }

        /** Repeats the enclosing {@link #loop} unconditionally. */
        Code continueLoop() {
            out.write(0x0c);
            uleb(out, 0);
            return this;
        }
    }
}
