package dev.pairwise.policy.train;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Bytes the C allocator has handed out and not got back, from glibc's {@code mallinfo2()}
 * (summed over all arenas: {@code uordblks} in the heaps plus {@code hblkhd} in mmapped chunks).
 * libtorch's CPU tensors live there, the Java heap does not. Unlike the resident set size it does
 * not move when the allocator grows an arena or returns pages, so it shows a leak, not the
 * allocator's steps.
 */
final class MallocStats {

    private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("arena"), ValueLayout.JAVA_LONG.withName("ordblks"),
            ValueLayout.JAVA_LONG.withName("smblks"), ValueLayout.JAVA_LONG.withName("hblks"),
            ValueLayout.JAVA_LONG.withName("hblkhd"), ValueLayout.JAVA_LONG.withName("usmblks"),
            ValueLayout.JAVA_LONG.withName("fsmblks"), ValueLayout.JAVA_LONG.withName("uordblks"),
            ValueLayout.JAVA_LONG.withName("fordblks"), ValueLayout.JAVA_LONG.withName("keepcost"));

    private static final MethodHandle CALL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("mallinfo2").orElseThrow(
                    () -> new IllegalStateException("no mallinfo2 in the C library (glibc 2.33 or later needed)")),
            FunctionDescriptor.of(MALLINFO2));

    private MallocStats() {
    }

    /** Bytes allocated with malloc and not yet freed, in KiB. */
    static long inUseKib() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = (MemorySegment) CALL.invokeExact((java.lang.foreign.SegmentAllocator) arena);
            long heap = info.get(ValueLayout.JAVA_LONG, MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("uordblks")));
            long mapped = info.get(ValueLayout.JAVA_LONG, MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("hblkhd")));
            return (heap + mapped) / 1024;
        } catch (Throwable e) {
            throw new IllegalStateException("mallinfo2 failed", e);
        }
    }
}
