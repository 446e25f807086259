package dev.pairwise.app.leaderboard;

/**
 * Newton's method for the Bradley–Terry log-likelihood in natural-log strengths θ:
 * Σ_{i,j} w_ij·log σ(θ_i − θ_j) + (n_ij − w_ij)·log σ(θ_j − θ_i) − (λ/2)·Σ θ_i². The objective is
 * strictly concave for λ &gt; 0, so the negative Hessian is positive definite and Cholesky solves
 * each step; step halving guards against overshooting when a system wins (nearly) every battle.
 */
final class Newton {

    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-10;

    private Newton() {
    }

    static double[] maximise(double[][] games, double[][] wins, double lambda) {
        int n = games.length;
        double[] theta = new double[n];
        double value = objective(theta, games, wins, lambda);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            double[][] negHessian = new double[n][n];
            for (int i = 0; i < n; i++) {
                gradient[i] = -lambda * theta[i];
                negHessian[i][i] = lambda;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (games[i][j] == 0) {
                        continue;
                    }
                    double p = sigmoid(theta[i] - theta[j]);
                    double g = wins[i][j] - games[i][j] * p;
                    double h = games[i][j] * p * (1 - p);
                    gradient[i] += g;
                    gradient[j] -= g;
                    negHessian[i][i] += h;
                    negHessian[j][j] += h;
                    negHessian[i][j] -= h;
                    negHessian[j][i] -= h;
                }
            }
            double[] step = Cholesky.solve(negHessian, gradient);
            double t = 1.0;
            double[] next = add(theta, step, t);
            double nextValue = objective(next, games, wins, lambda);
            while (nextValue < value && t > 1e-8) {
                t /= 2;
                next = add(theta, step, t);
                nextValue = objective(next, games, wins, lambda);
            }
            double moved = 0;
            for (int i = 0; i < n; i++) {
                moved = Math.max(moved, Math.abs(next[i] - theta[i]));
            }
            theta = next;
            value = nextValue;
            if (moved < TOLERANCE) {
                break;
            }
        }
        return theta;
    }

    static double objective(double[] theta, double[][] games, double[][] wins, double lambda) {
        double sum = 0;
        for (int i = 0; i < theta.length; i++) {
            sum -= lambda / 2 * theta[i] * theta[i];
            for (int j = 0; j < theta.length; j++) {
                if (games[i][j] == 0) {
                    continue;
                }
                double d = theta[i] - theta[j];
                sum += wins[i][j] * logSigmoid(d) + (games[i][j] - wins[i][j]) * logSigmoid(-d);
            }
        }
        return sum;
    }

    private static double[] add(double[] x, double[] step, double t) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + t * step[i];
        }
        return out;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }

    /** Solves A·x = b for a symmetric positive definite A. */
    static final class Cholesky {
        private Cholesky() {
        }

        static double[] solve(double[][] a, double[] b) {
            int n = b.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
                }
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = b[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * y[k];
                }
                y[i] = s / l[i][i];
            }
            double[] x = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * x[k];
                }
                x[i] = s / l[i][i];
            }
            return x;
        }
    }
}
