package dev.pairwise.app.cli;

import ai.djl.Device;
import ch.qos.logback.classic.Level;
import dev.pairwise.policy.device.Devices;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * DJL as the commands present it: one line saying which device and which libtorch build a command
 * runs on, instead of DJL's start-up log. On a machine with a CUDA runtime but no usable GPU, DJL
 * warns "Failed to detect GPU count" twice while it loads the engine, on every command; the jar
 * bundles the CPU build of libtorch, which never uses a GPU anyway, so that warning only alarms.
 */
final class DjlRuntime {

    private DjlRuntime() {
    }

    /**
     * DJL logs warnings and errors only; its GPU probe says nothing (the device line says what was
     * found). Only when logback is the logging backend, as it is in the jar.
     */
    static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger("ai.djl").setLevel(Level.WARN);
            logback.getLogger("ai.djl.util.cuda.CudaUtils").setLevel(Level.OFF);
        }
    }

    /** The device a command runs on when it has no {@code --device} option: the engine's default. */
    static Device defaultDevice() {
        return Devices.auto();
    }

    /** {@code device: cpu (libtorch 2.7.1, CPU build)}: what the command uses, for its stderr. */
    static String describe(Device device) {
        return "device: " + Devices.describe(device);
    }

    /** The number of GPUs libtorch can use: 0 with the CPU build. */
    static int gpuCount() {
        return Devices.gpuCount();
    }

    /** Whether libtorch was built with CUDA. */
    static boolean cudaBuild() {
        return Devices.cudaBuild();
    }

    /** The libtorch version, e.g. {@code 2.7.1}. */
    static String version() {
        return Devices.libtorchVersion();
    }
}
