package io.github.computejava.server;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.github.computejava.host.ByteBudget;

/**
 * An instance's linear memory with the local server's bounds on {@code memory.grow}: the instance's heap limit
 * (Fastly's 128 MiB by default, as the maximum of the memory's limits) and the server's budget for all instances
 * together (so that many hungry instances at once cannot take the JVM's heap). A growth past either fails as
 * WebAssembly says, with -1, and is noted for the request's log line. Everything else is the wrapped memory's.
 *
 * <p>A memory kept for reuse between instances would hold its reservation while pooled and cap its pages the same
 * way: the bounds live here, not in how the pages are allocated.
 */
final class GuestHeap implements Memory {
    private final Memory delegate;
    private final long limitBytes;
    private final ByteBudget budget;
    private long reserved;
    private int peakPages;
    private String refusal;

    private GuestHeap(Memory delegate, long limitBytes, ByteBudget budget) {
        this.delegate = delegate;
        this.limitBytes = limitBytes;
        this.budget = budget;
    }

    /**
     * A memory for an instance whose module declares {@code declared}, capped at {@code limitBytes} (0 for no cap),
     * its pages drawn from {@code budget}.
     *
     * @throws OutOfBudget when the budget cannot hold even the initial pages
     */
    static GuestHeap create(MemoryLimits declared, long limitBytes, ByteBudget budget) {
        int max = declared.maximumPages();
        if (limitBytes > 0) {
            max = (int) Math.min(max, limitBytes / PAGE_SIZE);
        }
        max = Math.max(max, declared.initialPages());
        ByteBudget refused = budget.reserve((long) declared.initialPages() * PAGE_SIZE);
        if (refused != null) {
            throw new OutOfBudget(refused, (long) declared.initialPages() * PAGE_SIZE);
        }
        GuestHeap heap = new GuestHeap(
                new ByteArrayMemory(new MemoryLimits(declared.initialPages(), max, declared.shared())),
                limitBytes,
                budget);
        heap.reserved = (long) declared.initialPages() * PAGE_SIZE;
        heap.peakPages = declared.initialPages();
        return heap;
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

    @Override
    public int grow(int size) {
        int before = delegate.pages();
        long wanted = (long) before + Integer.toUnsignedLong(size);
        if (size != 0 && wanted > delegate.maximumPages() && limitBytes > 0 && wanted * PAGE_SIZE > limitBytes) {
            note("the program asked for " + (wanted * PAGE_SIZE >> 20) + " MiB of memory; Fastly's heap limit is "
                    + (limitBytes >> 20) + " MiB (limits.heap_mb), so memory.grow failed");
            return -1;
        }
        long bytes = Integer.toUnsignedLong(size) * PAGE_SIZE;
        if (size != 0 && wanted <= delegate.maximumPages()) {
            ByteBudget refused = budget.reserve(bytes);
            if (refused != null) {
                note("memory.grow to " + (wanted * PAGE_SIZE >> 20) + " MiB failed: the local server's memory for"
                        + " programs is used up (" + (refused.used() >> 20) + " of " + (refused.capacity() >> 20)
                        + " MiB); start it with a larger heap, such as COMPUTE_JAVA_SERVER_OPTS=-Xmx4g");
                return -1;
            }
        }
        int result;
        try {
            result = delegate.grow(size);
        } catch (OutOfMemoryError e) {
            budget.release(bytes);
            note("memory.grow to " + (wanted * PAGE_SIZE >> 20) + " MiB failed: the JVM is out of memory");
            return -1;
        }
        if (result < 0) {
            budget.release(bytes);
        } else {
            reserved += bytes;
            peakPages = Math.max(peakPages, delegate.pages());
        }
        return result;
    }

    /** Gives the memory's pages back to the server's budget (the instance has ended). */
    void release() {
        budget.release(reserved);
        reserved = 0;
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

    @SuppressWarnings("removal")
    @Override
    public Object lock(int a0) {
        return delegate.lock(a0);
    }

    @Override
    public int waitOn(int a0, int a1, long a2) {
        return delegate.waitOn(a0, a1, a2);
    }

    @Override
    public int waitOn(int a0, long a1, long a2) {
        return delegate.waitOn(a0, a1, a2);
    }

    @Override
    public int notify(int a0, int a1) {
        return delegate.notify(a0, a1);
    }

    @Override
    public int pages() {
        return delegate.pages();
    }

    @Override
    public int initialPages() {
        return delegate.initialPages();
    }

    @Override
    public int maximumPages() {
        return delegate.maximumPages();
    }

    @Override
    public boolean shared() {
        return delegate.shared();
    }

    @Override
    public void initialize(Instance a0, DataSegment[] a1) {
        delegate.initialize(a0, a1);
    }

    @Override
    public void initialize(Instance a0, DataSegment[] a1, int a2) {
        delegate.initialize(a0, a1, a2);
    }

    @Override
    public void initPassiveSegment(int a0, int a1, int a2, int a3) {
        delegate.initPassiveSegment(a0, a1, a2, a3);
    }

    @Override
    public void write(int a0, byte[] a1, int a2, int a3) {
        delegate.write(a0, a1, a2, a3);
    }

    @Override
    public byte read(int a0) {
        return delegate.read(a0);
    }

    @Override
    public byte[] readBytes(int a0, int a1) {
        return delegate.readBytes(a0, a1);
    }

    @Override
    public void writeI32(int a0, int a1) {
        delegate.writeI32(a0, a1);
    }

    @Override
    public int readInt(int a0) {
        return delegate.readInt(a0);
    }

    @Override
    public void writeLong(int a0, long a1) {
        delegate.writeLong(a0, a1);
    }

    @Override
    public long readLong(int a0) {
        return delegate.readLong(a0);
    }

    @Override
    public void writeShort(int a0, short a1) {
        delegate.writeShort(a0, a1);
    }

    @Override
    public short readShort(int a0) {
        return delegate.readShort(a0);
    }

    @Override
    public long readU16(int a0) {
        return delegate.readU16(a0);
    }

    @Override
    public void writeByte(int a0, byte a1) {
        delegate.writeByte(a0, a1);
    }

    @Override
    public void writeF32(int a0, float a1) {
        delegate.writeF32(a0, a1);
    }

    @Override
    public long readF32(int a0) {
        return delegate.readF32(a0);
    }

    @Override
    public float readFloat(int a0) {
        return delegate.readFloat(a0);
    }

    @Override
    public void writeF64(int a0, double a1) {
        delegate.writeF64(a0, a1);
    }

    @Override
    public double readDouble(int a0) {
        return delegate.readDouble(a0);
    }

    @Override
    public long readF64(int a0) {
        return delegate.readF64(a0);
    }

    @Override
    public void zero() {
        delegate.zero();
    }

    @Override
    public void fill(byte a0, int a1, int a2) {
        delegate.fill(a0, a1, a2);
    }

    @Override
    public void copy(int a0, int a1, int a2) {
        delegate.copy(a0, a1, a2);
    }

    @Override
    public void drop(int a0) {
        delegate.drop(a0);
    }

    @Override
    public void atomicFence() {
        delegate.atomicFence();
    }

    @Override
    public byte atomicAddByte(int a0, byte a1) {
        return delegate.atomicAddByte(a0, a1);
    }

    @Override
    public int atomicAddInt(int a0, int a1) {
        return delegate.atomicAddInt(a0, a1);
    }

    @Override
    public long atomicAddLong(int a0, long a1) {
        return delegate.atomicAddLong(a0, a1);
    }

    @Override
    public short atomicAddShort(int a0, short a1) {
        return delegate.atomicAddShort(a0, a1);
    }

    @Override
    public byte atomicAndByte(int a0, byte a1) {
        return delegate.atomicAndByte(a0, a1);
    }

    @Override
    public int atomicAndInt(int a0, int a1) {
        return delegate.atomicAndInt(a0, a1);
    }

    @Override
    public long atomicAndLong(int a0, long a1) {
        return delegate.atomicAndLong(a0, a1);
    }

    @Override
    public short atomicAndShort(int a0, short a1) {
        return delegate.atomicAndShort(a0, a1);
    }

    @Override
    public byte atomicCmpxchgByte(int a0, byte a1, byte a2) {
        return delegate.atomicCmpxchgByte(a0, a1, a2);
    }

    @Override
    public int atomicCmpxchgInt(int a0, int a1, int a2) {
        return delegate.atomicCmpxchgInt(a0, a1, a2);
    }

    @Override
    public long atomicCmpxchgLong(int a0, long a1, long a2) {
        return delegate.atomicCmpxchgLong(a0, a1, a2);
    }

    @Override
    public short atomicCmpxchgShort(int a0, short a1, short a2) {
        return delegate.atomicCmpxchgShort(a0, a1, a2);
    }

    @Override
    public byte atomicOrByte(int a0, byte a1) {
        return delegate.atomicOrByte(a0, a1);
    }

    @Override
    public int atomicOrInt(int a0, int a1) {
        return delegate.atomicOrInt(a0, a1);
    }

    @Override
    public long atomicOrLong(int a0, long a1) {
        return delegate.atomicOrLong(a0, a1);
    }

    @Override
    public short atomicOrShort(int a0, short a1) {
        return delegate.atomicOrShort(a0, a1);
    }

    @Override
    public byte atomicReadByte(int a0) {
        return delegate.atomicReadByte(a0);
    }

    @Override
    public int atomicReadInt(int a0) {
        return delegate.atomicReadInt(a0);
    }

    @Override
    public long atomicReadLong(int a0) {
        return delegate.atomicReadLong(a0);
    }

    @Override
    public short atomicReadShort(int a0) {
        return delegate.atomicReadShort(a0);
    }

    @Override
    public void atomicWriteByte(int a0, byte a1) {
        delegate.atomicWriteByte(a0, a1);
    }

    @Override
    public void atomicWriteInt(int a0, int a1) {
        delegate.atomicWriteInt(a0, a1);
    }

    @Override
    public void atomicWriteLong(int a0, long a1) {
        delegate.atomicWriteLong(a0, a1);
    }

    @Override
    public void atomicWriteShort(int a0, short a1) {
        delegate.atomicWriteShort(a0, a1);
    }

    @Override
    public byte atomicXchgByte(int a0, byte a1) {
        return delegate.atomicXchgByte(a0, a1);
    }

    @Override
    public int atomicXchgInt(int a0, int a1) {
        return delegate.atomicXchgInt(a0, a1);
    }

    @Override
    public long atomicXchgLong(int a0, long a1) {
        return delegate.atomicXchgLong(a0, a1);
    }

    @Override
    public short atomicXchgShort(int a0, short a1) {
        return delegate.atomicXchgShort(a0, a1);
    }

    @Override
    public byte atomicXorByte(int a0, byte a1) {
        return delegate.atomicXorByte(a0, a1);
    }

    @Override
    public int atomicXorInt(int a0, int a1) {
        return delegate.atomicXorInt(a0, a1);
    }

    @Override
    public long atomicXorLong(int a0, long a1) {
        return delegate.atomicXorLong(a0, a1);
    }

    @Override
    public short atomicXorShort(int a0, short a1) {
        return delegate.atomicXorShort(a0, a1);
    }
}
