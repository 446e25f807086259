package dev.pairwise.policy.align;

/**
 * The coefficient β of the per-token KL penalty to the reference policy in RLHF's PPO.
 * {@link Adaptive} is the proportional controller of Ziegler et al. 2019 ("Fine-Tuning Language
 * Models from Human Preferences", §2.2): {@code e = clip(KL/target − 1, −0.2, 0.2)},
 * {@code β ← β·(1 + e·n_steps/horizon)}; {@link Fixed} keeps β constant.
 */
public sealed interface KlController permits KlController.Adaptive, KlController.Fixed {

    /** The current β. */
    double value();

    /** Observes the mean KL (nats per sequence) of a batch of {@code nSteps} rollouts. */
    void update(double currentKl, int nSteps);

    /** A snapshot of β for checkpoints; {@link #restore} sets it back for an exact resume. */
    default double state() {
        return value();
    }

    /** Restores β saved by {@link #state()}. */
    void restore(double beta);

    /** Fixed β. */
    final class Fixed implements KlController {
        private double beta;

        public Fixed(double beta) {
            if (!(beta >= 0)) {
                throw new IllegalArgumentException("kl beta must be >= 0, got " + beta);
            }
            this.beta = beta;
        }

        @Override
        public double value() {
            return beta;
        }

        @Override
        public void update(double currentKl, int nSteps) {
            // fixed: nothing to adapt
        }

        @Override
        public void restore(double beta) {
            this.beta = beta;
        }
    }

    /** Ziegler et al.'s adaptive controller (defaults there: β₀ 0.2, target 6 nats, horizon 10000). */
    final class Adaptive implements KlController {
        private double beta;
        private final double target;
        private final double horizon;

        public Adaptive(double initBeta, double target, double horizon) {
            if (!(initBeta > 0) || !(target > 0) || !(horizon > 0)) {
                throw new IllegalArgumentException("adaptive KL needs initBeta, target, horizon > 0, got "
                        + initBeta + ", " + target + ", " + horizon);
            }
            this.beta = initBeta;
            this.target = target;
            this.horizon = horizon;
        }

        @Override
        public double value() {
            return beta;
        }

        @Override
        public void update(double currentKl, int nSteps) {
            double error = Math.clamp(currentKl / target - 1.0, -0.2, 0.2);
            beta *= 1.0 + error * nSteps / horizon;
        }

        @Override
        public void restore(double beta) {
            this.beta = beta;
        }
    }
}
