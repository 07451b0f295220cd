package io.github.computejava.server;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import io.github.computejava.host.ByteBudget;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * An instance's linear memory, in 64 KiB pages, with the local server's bounds on {@code memory.grow}: the
 * instance's heap limit (Fastly's 128 MiB by default, as the maximum of the memory's limits) and the server's budget
 * for all instances together (so that many hungry instances at once cannot take the JVM's heap). A growth past either
 * fails as WebAssembly says, with -1, and is noted for the request's log line.
 *
 * <p>A memory can be reused by the next instance of the same module ({@link Pool}), as wasmtime's pooling allocator
 * reuses its memory slots: every write marks its page, and when an instance has ended normally the marked pages are
 * put back to the module's initial image (its active data segments over zeros) and the pages grown since are
 * zeroed and kept for the next growth. The next instance therefore starts from exactly the bytes a fresh memory would
 * hold, without the allocation, the zeroing of untouched pages or the copying of the data segments. An instance that
 * trapped or was ended never gives its memory back.
 */
final class GuestHeap implements Memory {
    private static final VarHandle SHORTS =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOATS =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLES =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SHIFT = 16;
    private static final int MASK = PAGE_SIZE - 1;

    private final Pool pool;
    private final MemoryLimits limits;
    /** The pages in use, [0, count); null past it, so that an access past the end fails. */
    private final byte[][] pages;
    /** Zeroed pages past the end kept for the next growth (a pooled memory's pages from earlier instances). */
    private final byte[][] spare;
    /** Pages that may differ from what the memory started with (zeros, or the module's image when pooled). */
    private final boolean[] dirty;

    private int count;
    /** How many pages are allocated, in use or spare (after a reset). */
    private int allocated;
    /** One past the highest page ever in use. */
    private int highest;

    private DataSegment[] dataSegments;
    /** The memory holds the module's initial image: the instance's zeroing and data-segment writes are skipped. */
    private boolean atImage;

    // the instance's bounds, set each time the memory is taken
    private long limitBytes;
    private ByteBudget budget;
    private long reserved;
    private int peakPages;
    private String refusal;
    private boolean released;

    private GuestHeap(Pool pool, MemoryLimits limits) {
        this.pool = pool;
        this.limits = limits;
        int max = Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
        this.pages = new byte[max][];
        this.spare = pool == null ? null : new byte[max][];
        this.dirty = new boolean[max];
        for (int i = 0; i < limits.initialPages(); i++) {
            pages[i] = new byte[PAGE_SIZE];
        }
        this.count = limits.initialPages();
        this.highest = count;
    }

    /**
     * A memory used once, for an instance whose module declares {@code declared}, capped at {@code limitBytes} (0
     * for no cap), its pages drawn from {@code budget}.
     *
     * @throws OutOfBudget when the budget cannot hold even the initial pages
     */
    static GuestHeap create(MemoryLimits declared, long limitBytes, ByteBudget budget) {
        GuestHeap heap = new GuestHeap(null, bounded(declared, limitBytes));
        heap.admit(limitBytes, budget);
        return heap;
    }

    private static MemoryLimits bounded(MemoryLimits declared, long limitBytes) {
        int max = declared.maximumPages();
        if (limitBytes > 0) {
            max = (int) Math.min(max, limitBytes / PAGE_SIZE);
        }
        max = Math.max(max, declared.initialPages());
        return new MemoryLimits(declared.initialPages(), max, declared.shared());
    }

    /** Starts an instance's use: its bounds, and its initial pages reserved from the budget. */
    private void admit(long limitBytes, ByteBudget budget) {
        admit(limitBytes, budget, limits.initialPages());
    }

    private void admit(long limitBytes, ByteBudget budget, int pagesInUse) {
        long initial = (long) pagesInUse * PAGE_SIZE;
        ByteBudget refused = budget.reserve(initial);
        if (refused != null) {
            throw new OutOfBudget(refused, initial);
        }
        this.limitBytes = limitBytes;
        this.budget = budget;
        this.reserved = initial;
        this.peakPages = pagesInUse;
        this.refusal = null;
        this.released = false;
    }

    /**
     * Memories kept for the next instances of one module, at most {@code capacity} of them holding at most {@code
     * capacityBytes} together, each keeping at most {@code keepBytes} of pages. Thread-safe.
     */
    static final class Pool {
        private final MemoryLimits limits;
        private final long limitBytes;
        private final int capacity;
        private final long capacityBytes;
        private final int keepPages;
        private long idleBytes;
        private final ArrayDeque<GuestHeap> idle = new ArrayDeque<>();
        /** The module's initial memory, page by page (null for a page of zeros); null until an instance made it. */
        private volatile byte[][] image;

        private long reused;
        private long created;

        /**
         * @param declared the memory the module declares
         * @param limitBytes the heap limit, 0 for none
         * @param capacity how many memories to keep, 0 to keep none
         * @param capacityBytes how many bytes the kept memories may hold together
         * @param keepBytes how many bytes of pages a kept memory may hold on to
         */
        Pool(MemoryLimits declared, long limitBytes, int capacity, long capacityBytes, long keepBytes) {
            this.limits = bounded(declared, limitBytes);
            this.limitBytes = limitBytes;
            this.capacity = declared.shared() ? 0 : capacity;
            this.capacityBytes = capacityBytes;
            this.keepPages = (int) Math.max(limits.initialPages(), Math.min(Integer.MAX_VALUE, keepBytes / PAGE_SIZE));
        }

        /** Whether this pool serves instances capped at {@code bytes}. */
        boolean limits(long bytes) {
            return limitBytes == bytes;
        }

        /**
         * A memory for an instance: a kept one holding the module's initial image, else a new one.
         *
         * @throws OutOfBudget when the budget cannot hold even the initial pages
         */
        GuestHeap take(ByteBudget budget) {
            return take(budget, false);
        }

        /**
         * {@link #take(ByteBudget)}, a new memory belonging to this pool even when it keeps no memories ({@code
         * attach}): an instance kept whole with its memory ({@link #keep()}) needs the pool's image.
         */
        GuestHeap take(ByteBudget budget, boolean attach) {
            GuestHeap heap;
            synchronized (this) {
                heap = idle.pollFirst();
                if (heap != null) {
                    idleBytes -= heap.allocatedBytes();
                    reused++;
                } else {
                    created++;
                }
            }
            if (heap == null) {
                heap = new GuestHeap(capacity > 0 || attach ? this : null, limits);
                heap.admit(limitBytes, budget);
                return heap;
            }
            try {
                heap.admit(limitBytes, budget);
            } catch (OutOfBudget e) {
                // still at the image: it waits for the next instance
                synchronized (this) {
                    idle.addFirst(heap);
                    idleBytes += heap.allocatedBytes();
                }
                throw e;
            }
            return heap;
        }

        /** Keeps an ended instance's memory for the next one, put back to the initial image, when there is room. */
        private void give(GuestHeap heap) {
            if (heap.pool != this || image == null) {
                return;
            }
            synchronized (this) {
                if (idle.size() >= capacity) {
                    return;
                }
            }
            heap.reset(image, keepPages);
            synchronized (this) {
                if (idle.size() < capacity && idleBytes + heap.allocatedBytes() <= capacityBytes) {
                    // most recently used first: its pages are the likeliest to be in the CPU's caches
                    idle.addFirst(heap);
                    idleBytes += heap.allocatedBytes();
                }
            }
        }

        private void capture(GuestHeap heap) {
            if (image != null) {
                return;
            }
            byte[][] pages = new byte[limits.initialPages()][];
            for (int i = 0; i < pages.length; i++) {
                if (heap.dirty[i]) {
                    pages[i] = heap.pages[i].clone();
                }
            }
            image = pages;
        }

        /** How many memories wait for an instance. */
        synchronized int idle() {
            return idle.size();
        }

        /** How many instances got a kept memory. */
        synchronized long reused() {
            return reused;
        }

        /** How many instances got a new memory. */
        synchronized long created() {
            return created;
        }
    }

    /** The server's budget could not hold an instance's initial memory. */
    static final class OutOfBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfBudget(ByteBudget budget, long bytes) {
            super("the local server has no room for another instance's " + (bytes >> 20) + " MiB of memory: "
                    + (budget.used() >> 20) + " MiB of its " + (budget.capacity() >> 20) + " MiB for programs are"
                    + " in use (start it with a larger heap, such as COMPUTE_JAVA_SERVER_OPTS=-Xmx4g)");
        }
    }

    /**
     * The instance has ended: its pages go back to the server's budget, and the memory to its pool when the instance
     * ended normally ({@code reusable}); a memory of an instance that trapped or was ended is dropped.
     */
    void release(boolean reusable) {
        if (released) {
            return;
        }
        released = true;
        budget.release(reserved);
        reserved = 0;
        if (reusable && pool != null) {
            pool.give(this);
        }
    }

    /**
     * The memory as it is now, once its instance is instantiated (its start function run), page by page: a page
     * the instance wrote is copied, one it did not is the module's (null for zeros). Null when the memory has no
     * pool image to tell them apart.
     */
    byte[][] imageNow() {
        if (pool == null || pool.image == null) {
            return null;
        }
        byte[][] image = new byte[count][];
        for (int i = 0; i < count; i++) {
            image[i] = dirty[i] ? pages[i].clone() : base(i);
        }
        return image;
    }

    /** Whether the memory holds exactly {@code image} ({@link #imageNow()} of another instance of the module). */
    boolean holds(byte[][] image) {
        if (pool == null || pool.image == null || image.length != count) {
            return false;
        }
        byte[] zeros = null;
        for (int i = 0; i < count; i++) {
            byte[] now = dirty[i] ? pages[i] : base(i);
            byte[] want = image[i];
            if (now == want) {
                continue;
            }
            if (now == null || want == null) {
                if (zeros == null) {
                    zeros = new byte[PAGE_SIZE];
                }
                now = now == null ? zeros : now;
                want = want == null ? zeros : want;
            }
            if (!Arrays.equals(now, want)) {
                return false;
            }
        }
        return true;
    }

    /** What page {@code i} holds when not written: the module's image, or zeros (null). */
    private byte[] base(int i) {
        return i < limits.initialPages() ? pool.image[i] : null;
    }

    /**
     * The memory holds {@code image} (checked with {@link #holds}): from now on its dirty pages are those that differ
     * from it, and {@link #keep(byte[][])} puts it back to it.
     */
    void startsAt(byte[][] image) {
        for (int i = 0; i < count; i++) {
            dirty[i] = false;
        }
        keptPages = image.length;
    }

    /** The pages in use at the image a kept instance's memory goes back to. */
    private int keptPages;

    /**
     * The instance ended normally and is kept whole for a next request, its memory with it: the pages go back to the
     * server's budget and the memory to {@code image} (what {@link #startsAt} was told), the instance's data segments
     * stay bound (the caller restores their contents).
     */
    void keep(byte[][] image) {
        released = true;
        budget.release(reserved);
        reserved = 0;
        DataSegment[] segments = dataSegments;
        reset(image, Math.max(image.length, pool.keepPages));
        dataSegments = segments;
        atImage = false;
    }

    /**
     * A kept instance's memory starts its next request: its pages in use reserved from the budget again.
     *
     * @throws OutOfBudget when the budget cannot hold them
     */
    void readmit(ByteBudget budget) {
        admit(pool.limitBytes, budget, keptPages);
    }

    /** Whether this memory serves instances capped at {@code bytes}. */
    boolean limits(long bytes) {
        return pool != null && pool.limits(bytes);
    }

    /** The instance's data segments (the array Chicory drops them in), or null before it is initialized. */
    DataSegment[] segments() {
        return dataSegments;
    }

    /** How many bytes of pages the memory holds, in use or spare. */
    long heldBytes() {
        return allocatedBytes();
    }

    /** {@link #release(boolean)} of a memory that is not reused. */
    void release() {
        release(false);
    }

    /** Puts the memory back to {@code image}, keeping at most {@code keepPages} pages allocated. */
    private void reset(byte[][] image, int keepPages) {
        // the pages in use at the image: the initial pages, or more for a kept instance's memory
        int initial = image.length;
        for (int i = 0; i < highest; i++) {
            byte[] page = pages[i] != null ? pages[i] : spare[i];
            if (i >= initial) {
                pages[i] = null;
                if (page == null) {
                    continue;
                }
                if (i >= keepPages) {
                    spare[i] = null;
                    dirty[i] = false;
                    continue;
                }
                spare[i] = page;
            }
            if (dirty[i]) {
                byte[] original = i < initial ? image[i] : null;
                if (original != null) {
                    System.arraycopy(original, 0, page, 0, PAGE_SIZE);
                } else {
                    Arrays.fill(page, (byte) 0);
                }
                dirty[i] = false;
            }
        }
        count = initial;
        highest = Math.min(highest, Math.max(initial, keepPages));
        int kept = initial;
        for (int i = initial; i < highest; i++) {
            if (spare[i] != null) {
                kept++;
            }
        }
        allocated = kept;
        dataSegments = null;
        atImage = true;
    }

    @Override
    public int grow(int size) {
        int before = count;
        long wanted = (long) before + Integer.toUnsignedLong(size);
        if (size != 0 && wanted > limits.maximumPages() && limitBytes > 0 && wanted * PAGE_SIZE > limitBytes) {
            note("the program asked for " + (wanted * PAGE_SIZE >> 20) + " MiB of memory; Fastly's heap limit is "
                    + (limitBytes >> 20) + " MiB (limits.heap_mb), so memory.grow failed");
            return -1;
        }
        if (wanted > limits.maximumPages() || wanted > pages.length) {
            return -1;
        }
        if (size == 0) {
            return before;
        }
        long bytes = Integer.toUnsignedLong(size) * PAGE_SIZE;
        ByteBudget refused = budget.reserve(bytes);
        if (refused != null) {
            note("memory.grow to " + (wanted * PAGE_SIZE >> 20) + " MiB failed: the local server's memory for"
                    + " programs is used up (" + (refused.used() >> 20) + " of " + (refused.capacity() >> 20)
                    + " MiB); start it with a larger heap, such as COMPUTE_JAVA_SERVER_OPTS=-Xmx4g");
            return -1;
        }
        int end = (int) wanted;
        try {
            for (int i = before; i < end; i++) {
                byte[] page = spare != null ? spare[i] : null;
                if (page != null) {
                    spare[i] = null;
                } else {
                    page = new byte[PAGE_SIZE];
                }
                pages[i] = page;
            }
        } catch (OutOfMemoryError e) {
            for (int i = before; i < end; i++) {
                if (spare != null && pages[i] != null) {
                    spare[i] = pages[i];
                }
                pages[i] = null;
            }
            budget.release(bytes);
            note("memory.grow to " + (wanted * PAGE_SIZE >> 20) + " MiB failed: the JVM is out of memory");
            return -1;
        }
        count = end;
        highest = Math.max(highest, end);
        reserved += bytes;
        peakPages = Math.max(peakPages, end);
        return before;
    }

    private long allocatedBytes() {
        return (long) allocated * PAGE_SIZE;
    }

    /** The largest size the memory had, in bytes. */
    long peakBytes() {
        return (long) peakPages * PAGE_SIZE;
    }

    /** Why a growth failed, when one did because of a bound. */
    String refusal() {
        return refusal;
    }

    private void note(String why) {
        if (refusal == null) {
            refusal = why;
        }
    }

    // ---- instantiation

    /** Called by Chicory only when it instantiates a module. */
    @Override
    public void zero() {
        if (atImage) {
            // the image about to be written is already there
            return;
        }
        for (int i = 0; i < count; i++) {
            if (dirty[i]) {
                Arrays.fill(pages[i], (byte) 0);
                dirty[i] = false;
            }
        }
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        initialize(instance, segments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
        this.dataSegments = segments;
        if (atImage) {
            atImage = false;
            return;
        }
        if (segments == null) {
            return;
        }
        for (DataSegment s : segments) {
            if (s instanceof ActiveDataSegment) {
                ActiveDataSegment segment = (ActiveDataSegment) s;
                if (segment.index() != memoryIndex) {
                    continue;
                }
                byte[] data = segment.data();
                long offset = com.dylibso.chicory.runtime.ConstantEvaluators.computeConstantValue(
                        instance, segment.offsetInstructions())[0];
                int at = (int) offset;
                if (at < 0 || (long) at + data.length > (long) count * PAGE_SIZE) {
                    throw new UninstantiableException("out of bounds memory access");
                }
                write(at, data, 0, data.length);
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new ChicoryException("Data segment should be active or passive: " + s);
            }
        }
        if (pool != null) {
            pool.capture(this);
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    // ---- size

    @Override
    public int pages() {
        return count;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return limits.maximumPages();
    }

    @Override
    public boolean shared() {
        return limits.shared();
    }

    // ---- access

    private long size() {
        return (long) count * PAGE_SIZE;
    }

    private void check(int addr, int len) {
        if (addr < 0 || len < 0 || (long) addr + len > size()) {
            throw outOfBounds(addr, len);
        }
    }

    private WasmRuntimeException outOfBounds(int addr, int len) {
        return new WasmRuntimeException("out of bounds memory access: attempted to access address: "
                + Integer.toUnsignedLong(addr) + " but limit is: " + size() + " and size: " + len);
    }

    private byte[] page(int addr, int len) {
        byte[] page;
        try {
            page = pages[addr >>> SHIFT];
        } catch (ArrayIndexOutOfBoundsException e) {
            throw outOfBounds(addr, len);
        }
        if (page == null) {
            throw outOfBounds(addr, len);
        }
        return page;
    }

    private byte[] writable(int addr, int len) {
        byte[] page = page(addr, len);
        dirty[addr >>> SHIFT] = true;
        return page;
    }

    private void markDirty(int addr, int len) {
        if (len <= 0) {
            return;
        }
        int last = (int) (((long) addr + len - 1) >>> SHIFT);
        for (int p = addr >>> SHIFT; p <= last; p++) {
            dirty[p] = true;
        }
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        if (offset < 0 || size < 0 || (long) offset + size > data.length) {
            throw new WasmRuntimeException("out of bounds memory access: attempted to read " + size
                    + " bytes at offset " + offset + " of " + data.length);
        }
        check(addr, size);
        markDirty(addr, size);
        while (size > 0) {
            int at = addr & MASK;
            int chunk = Math.min(size, PAGE_SIZE - at);
            System.arraycopy(data, offset, pages[addr >>> SHIFT], at, chunk);
            addr += chunk;
            offset += chunk;
            size -= chunk;
        }
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        check(addr, len);
        byte[] out = new byte[len];
        int done = 0;
        while (done < len) {
            int at = addr & MASK;
            int chunk = Math.min(len - done, PAGE_SIZE - at);
            System.arraycopy(pages[addr >>> SHIFT], at, out, done, chunk);
            addr += chunk;
            done += chunk;
        }
        return out;
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int len = toIndex - fromIndex;
        check(fromIndex, len);
        markDirty(fromIndex, len);
        int addr = fromIndex;
        while (len > 0) {
            int at = addr & MASK;
            int chunk = Math.min(len, PAGE_SIZE - at);
            Arrays.fill(pages[addr >>> SHIFT], at, at + chunk, value);
            addr += chunk;
            len -= chunk;
        }
    }

    @Override
    public void copy(int dest, int src, int size) {
        check(dest, size);
        check(src, size);
        if (size == 0) {
            return;
        }
        markDirty(dest, size);
        if (dest > src && dest < src + size) {
            // overlapping with the destination after the source: from the end backwards
            int d = dest + size;
            int s = src + size;
            int left = size;
            while (left > 0) {
                int dIn = d & MASK;
                int sIn = s & MASK;
                int chunk = Math.min(left, Math.min(dIn == 0 ? PAGE_SIZE : dIn, sIn == 0 ? PAGE_SIZE : sIn));
                d -= chunk;
                s -= chunk;
                System.arraycopy(pages[s >>> SHIFT], s & MASK, pages[d >>> SHIFT], d & MASK, chunk);
                left -= chunk;
            }
        } else {
            int left = size;
            while (left > 0) {
                int dAt = dest & MASK;
                int sAt = src & MASK;
                int chunk = Math.min(left, PAGE_SIZE - Math.max(dAt, sAt));
                System.arraycopy(pages[src >>> SHIFT], sAt, pages[dest >>> SHIFT], dAt, chunk);
                dest += chunk;
                src += chunk;
                left -= chunk;
            }
        }
    }

    @Override
    public byte read(int addr) {
        return page(addr, 1)[addr & MASK];
    }

    @Override
    public void writeByte(int addr, byte data) {
        writable(addr, 1)[addr & MASK] = data;
    }

    @Override
    public short readShort(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 2) {
            return (short) SHORTS.get(page(addr, 2), at);
        }
        return (short) ((read(addr) & 0xFF) | (read(addr + 1) << 8));
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public void writeShort(int addr, short data) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 2) {
            SHORTS.set(writable(addr, 2), at, data);
        } else {
            check(addr, 2);
            writeByte(addr, (byte) data);
            writeByte(addr + 1, (byte) (data >>> 8));
        }
    }

    @Override
    public int readInt(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 4) {
            return (int) INTS.get(page(addr, 4), at);
        }
        check(addr, 4);
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | (read(addr + i) & 0xFF);
        }
        return v;
    }

    @Override
    public void writeI32(int addr, int data) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 4) {
            INTS.set(writable(addr, 4), at, data);
        } else {
            check(addr, 4);
            for (int i = 0; i < 4; i++) {
                writeByte(addr + i, (byte) (data >>> (8 * i)));
            }
        }
    }

    @Override
    public long readLong(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 8) {
            return (long) LONGS.get(page(addr, 8), at);
        }
        check(addr, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (read(addr + i) & 0xFFL);
        }
        return v;
    }

    @Override
    public void writeLong(int addr, long data) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 8) {
            LONGS.set(writable(addr, 8), at, data);
        } else {
            check(addr, 8);
            for (int i = 0; i < 8; i++) {
                writeByte(addr + i, (byte) (data >>> (8 * i)));
            }
        }
    }

    @Override
    public void writeF32(int addr, float data) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 4) {
            FLOATS.set(writable(addr, 4), at, data);
        } else {
            writeI32(addr, Float.floatToRawIntBits(data));
        }
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public float readFloat(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 4) {
            return (float) FLOATS.get(page(addr, 4), at);
        }
        return Float.intBitsToFloat(readInt(addr));
    }

    @Override
    public void writeF64(int addr, double data) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 8) {
            DOUBLES.set(writable(addr, 8), at, data);
        } else {
            writeLong(addr, Double.doubleToRawLongBits(data));
        }
    }

    @Override
    public double readDouble(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 8) {
            return (double) DOUBLES.get(page(addr, 8), at);
        }
        return Double.longBitsToDouble(readLong(addr));
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    // ---- atomics: an instance has one thread (Compute has no threads), so the interface's read-modify-write
    // defaults over the methods above are atomic; they synchronize on lock(address)

    @SuppressWarnings("removal")
    @Override
    public Object lock(int address) {
        return this;
    }

    @Override
    public void atomicFence() {
        VarHandle.fullFence();
    }

    @SuppressWarnings("removal")
    @Override
    public int waitOn(int address, int expected, long timeout) {
        throw new WasmRuntimeException("memory.atomic.wait32 is not supported: a Compute program has one thread");
    }

    @SuppressWarnings("removal")
    @Override
    public int waitOn(int address, long expected, long timeout) {
        throw new WasmRuntimeException("memory.atomic.wait64 is not supported: a Compute program has one thread");
    }

    @SuppressWarnings("removal")
    @Override
    public int notify(int address, int maxThreads) {
        // no thread waits
        return 0;
    }
}
