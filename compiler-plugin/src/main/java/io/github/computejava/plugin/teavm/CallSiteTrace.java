package io.github.computejava.plugin.teavm;

import org.teavm.interop.Address;
import org.teavm.interop.Unmanaged;
import org.teavm.runtime.ShadowStack;

/**
 * Compiled into {@code main.wasm} in place of TeaVM's {@code ExceptionHandling.fillStackTrace}: a throwable's
 * stack trace keeps, for each frame, the id of the call site the frame was in (as the line number, with empty
 * class and method names). TeaVM's own version keeps nothing when names are left out of the module; with the ids,
 * the frame map the build writes beside {@code main.wasm} turns each frame back into class, method, file and line.
 */
public final class CallSiteTrace {
    private CallSiteTrace() {}

    /** The current thread's frames, innermost first, each a call site id. */
    @Unmanaged
    public static StackTraceElement[] fill() {
        Address top = ShadowStack.getStackTop();
        int size = 0;
        for (Address frame = top; frame != null; frame = ShadowStack.getNextStackFrame(frame)) {
            if (callSiteId(frame) >= 0) {
                size++;
            }
        }
        // this method has no frame of its own: register the array as a root while the elements are allocated
        ShadowStack.allocStack(1);
        ShadowStack.removeGCRoot(0);
        StackTraceElement[] trace = new StackTraceElement[size];
        ShadowStack.registerGCRoot(0, trace);
        int index = 0;
        for (Address frame = top; frame != null; frame = ShadowStack.getNextStackFrame(frame)) {
            int id = callSiteId(frame);
            if (id >= 0) {
                trace[index++] = new StackTraceElement("", "", null, id);
            }
        }
        ShadowStack.releaseStack(1);
        return trace;
    }

    /**
     * The call site a frame is in; {@link CallSitePlugin}'s intrinsic compiles it to TeaVM's own read, and notes
     * on the way where the build finds the table of call sites.
     */
    @Unmanaged
    static native int callSiteId(Address frame);
}
