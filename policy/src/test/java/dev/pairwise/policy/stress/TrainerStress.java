package dev.pairwise.policy.stress;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The trainer stress run behind {@code bench/trainer-stress.sh} (not part of the test command):
 * runs every policy and reward-model unit test N times in one JVM while a thread forces a
 * garbage collection every few milliseconds, and fails on any failure (a NaN loss, a resumed
 * run that differs from a straight one). Forced collections free Java-owned memory as early as
 * possible, which is what exposed native tensors reading freed buffers (see NativeArrays).
 * Settings: {@code -Dpairwise.stress.rounds} (5), {@code -Dpairwise.stress.gcMillis} (20; 0 = no
 * forced GC), {@code -Dpairwise.stress.include} (a class-name regex).
 */
class TrainerStress {

    @Test
    void run() {
        int rounds = Integer.getInteger("pairwise.stress.rounds", 5);
        int gcMillis = Integer.getInteger("pairwise.stress.gcMillis", 20);
        String include = System.getProperty("pairwise.stress.include", ".*");
        AtomicBoolean done = new AtomicBoolean();
        Thread gc = Thread.ofPlatform().daemon().start(() -> {
            while (!done.get() && gcMillis > 0) {
                System.gc();
                try {
                    Thread.sleep(gcMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<String> failures = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            LauncherDiscoveryRequest req = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage("dev.pairwise.policy"), selectPackage("dev.pairwise.rewardmodel"))
                    .filters(ClassNameFilter.excludeClassNamePatterns(".*stress.*", ".*IT", ".*Determinism.*", ".*RulesTest", ".*Command.*", ".*Tokenizer.*",
                            ".*Bpe.*", ".*Shakespeare.*", ".*Corpus.*", ".*Piece.*", ".*ByteLevel.*"))
                    .build();
            int round = r;
            LauncherFactory.create().execute(req, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.isTest()) {
                        String msg = "round " + round + ": " + id.getUniqueId() + " -> "
                                + result.getThrowable().map(Throwable::toString).orElse("?");
                        System.out.println("STRESS-FAIL " + msg);
                        failures.add(msg);
                    }
                }
            });
            System.out.println("STRESS round " + r + " done, failures so far " + failures.size());
        }
        done.set(true);
        System.out.println("STRESS-SUMMARY rounds=" + rounds + " failures=" + failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        org.assertj.core.api.Assertions.assertThat(failures).as("failed tests over %d rounds", rounds).isEmpty();
    }
}
