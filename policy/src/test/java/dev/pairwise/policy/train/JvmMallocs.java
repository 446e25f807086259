package dev.pairwise.policy.train;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * What the JVM itself has malloc'd, from HotSpot's Native Memory Tracking ({@code jcmd
 * VM.native_memory summary}, read in-process through the DiagnosticCommand MBean). The JVM mallocs
 * and frees megabytes of its own as it runs (the JIT compilers' arenas, which a periodic task hands
 * back; symbol tables; GC work lists), and {@link MallocStats} sees them all. Subtracting this
 * leaves what everything else — libtorch — holds.
 *
 * <p>Needs {@code -XX:NativeMemoryTracking=summary}; the pom's test JVMs start with it.
 */
final class JvmMallocs {

    /** The "malloc:" figure of the Total section; NMT prints it in KB (KiB) by default. */
    private static final Pattern TOTAL_MALLOC = Pattern.compile("Total:[^\\n]*\\n\\s*malloc:\\s*(\\d+)KB");

    private JvmMallocs() {
    }

    /** Bytes the JVM has malloc'd and not freed, in KiB. */
    static long inUseKib() {
        String summary = summary();
        Matcher m = TOTAL_MALLOC.matcher(summary);
        if (!m.find()) {
            throw new IllegalStateException("Native Memory Tracking is not on in this JVM (start it with "
                    + "-XX:NativeMemoryTracking=summary, as the pom's test configuration does); it said: "
                    + summary.lines().findFirst().orElse(""));
        }
        return Long.parseLong(m.group(1));
    }

    private static String summary() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary", "scale=KB"}}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("could not read the JVM's native memory summary", e);
        }
    }
}
