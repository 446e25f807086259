package dev.pairwise.app.cli;

import ai.djl.Device;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|gpu} for the commands that train or score a model. */
final class DeviceOption {

    /** Lower case: these are the words a user types. */
    enum Choice { auto, cpu, gpu }

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", order = 1000,
            description = "Where to run: auto takes the GPU when libtorch sees one, else the CPU.")
    Choice device = Choice.auto;

    /**
     * The device chosen.
     *
     * @throws IllegalArgumentException for {@code gpu} when libtorch sees none (the jar's CPU build never does)
     */
    Device resolve() {
        return switch (device) {
            case cpu -> Device.cpu();
            case auto -> DjlRuntime.defaultDevice();
            case gpu -> {
                if (DjlRuntime.gpuCount() == 0) {
                    throw new IllegalArgumentException("--device gpu: libtorch " + DjlRuntime.version() + " ("
                            + (DjlRuntime.cudaBuild() ? "CUDA build" : "CPU build") + ") sees no GPU");
                }
                yield Device.gpu();
            }
        };
    }
}
