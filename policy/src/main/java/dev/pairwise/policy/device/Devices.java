package dev.pairwise.policy.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;

/**
 * The one place that chooses where models run and says so. Everything else takes a
 * {@link Device} as a parameter (or the device of the model it works on), so a model loaded on a
 * GPU is trained and sampled there with no array made on another device behind its back
 * ({@code DeviceRulesTest} keeps other classes from choosing a device themselves).
 *
 * <p>The jar bundles the CPU build of libtorch; with a CUDA build of libtorch in
 * {@code PYTORCH_LIBRARY_PATH} (see the README, "Training on a GPU") {@link #auto()} picks GPU 0.
 */
public final class Devices {

    private static final String ENGINE = "PyTorch";

    private Devices() {
    }

    /** GPU 0 when libtorch sees a GPU, else the CPU: the engine's default device. */
    public static Device auto() {
        return engine().defaultDevice();
    }

    /** The CPU, for file I/O staging (reading and writing weights) only. */
    public static Device host() {
        return Device.cpu();
    }

    /** {@code cpu (libtorch 2.7.1, CPU build)} or {@code gpu 0 (libtorch 2.7.1, CUDA build, 1 GPU visible)}. */
    public static String describe(Device device) {
        Engine engine = engine();
        String build = cudaBuild() ? "CUDA build, " + gpus(gpuCount()) + " visible" : "CPU build";
        return (device.isGpu() ? "gpu " + device.getDeviceId() : "cpu") + " (libtorch " + engine.getVersion() + ", "
                + build + ")";
    }

    /** The number of GPUs libtorch can use: always 0 with the CPU build. */
    public static int gpuCount() {
        return engine().getGpuCount();
    }

    /** Whether the libtorch loaded was built with CUDA. */
    public static boolean cudaBuild() {
        return engine().hasCapability(StandardCapabilities.CUDA);
    }

    /** The libtorch version, e.g. {@code 2.7.1}. */
    public static String libtorchVersion() {
        return engine().getVersion();
    }

    private static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    private static String gpus(int n) {
        return n == 1 ? "1 GPU" : n + " GPUs";
    }
}
