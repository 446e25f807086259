package dev.pairwise.app;

/**
 * DJL must never reach the network: models are trained here, natives ship in the jar. Setting
 * these before the engine loads means users need no extra flags on the command line.
 */
final class DjlDefaults {

    private DjlDefaults() {
    }

    static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        // DJL reads OPT_OUT_TRACKING from the environment or a system property; without it the
        // engine calls a cloud metadata address at start.
        setIfAbsent("OPT_OUT_TRACKING", "true");
        int cores = Runtime.getRuntime().availableProcessors();
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(cores));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
