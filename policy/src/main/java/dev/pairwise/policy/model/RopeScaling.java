/*
 * Rotary frequency scaling for contexts longer than the model was pretrained on, as Hugging Face's
 * rope_scaling: "linear" (Chen et al. 2023, position interpolation: every frequency divided by the
 * factor) and "llama3" (Meta's Llama 3.1: long wavelengths divided by the factor, short ones kept,
 * a smooth blend between; transformers' _compute_llama3_parameters). Other kinds (dynamic, yarn,
 * longrope) change the tables with the sequence length or rescale attention and are refused.
 */
package dev.pairwise.policy.model;

/**
 * One scaling of the rotary inverse frequencies.
 *
 * @param kind                  linear or llama3
 * @param factor                how much longer the context is meant to be; {@code >= 1}
 * @param lowFreqFactor         llama3 only: wavelengths above {@code original/lowFreqFactor} are divided by the factor
 * @param highFreqFactor        llama3 only: wavelengths below {@code original/highFreqFactor} are kept
 * @param originalContextLength llama3 only: the pretraining context ({@code original_max_position_embeddings})
 */
public record RopeScaling(Kind kind, double factor, double lowFreqFactor, double highFreqFactor,
                          int originalContextLength) {

    /** The supported kinds, by their Hugging Face names. */
    public enum Kind { LINEAR, LLAMA3 }

    /** Validates the fields the kind uses. */
    public RopeScaling {
        if (kind == null) {
            throw new IllegalArgumentException("rope scaling kind must be set");
        }
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("rope scaling factor must be >= 1, got " + factor);
        }
        if (kind == Kind.LLAMA3 && !(lowFreqFactor > 0 && highFreqFactor > lowFreqFactor && originalContextLength > 0)) {
            throw new IllegalArgumentException("llama3 rope scaling needs 0 < low_freq_factor < high_freq_factor and "
                    + "original_max_position_embeddings > 0, got " + lowFreqFactor + ", " + highFreqFactor + ", "
                    + originalContextLength);
        }
    }

    /** Linear scaling (position interpolation) by {@code factor}. */
    public static RopeScaling linear(double factor) {
        return new RopeScaling(Kind.LINEAR, factor, 0, 0, 0);
    }

    /** The scaled inverse frequency of one rotary pair whose unscaled inverse frequency is {@code invFreq}. */
    double scale(double invFreq) {
        if (kind == Kind.LINEAR) {
            return invFreq / factor;
        }
        double wavelength = 2 * Math.PI / invFreq;
        double lowFreqWavelength = originalContextLength / lowFreqFactor;
        double highFreqWavelength = originalContextLength / highFreqFactor;
        if (wavelength < highFreqWavelength) {
            return invFreq;
        }
        if (wavelength > lowFreqWavelength) {
            return invFreq / factor;
        }
        double smooth = (originalContextLength / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        return (1 - smooth) * invFreq / factor + smooth * invFreq;
    }
}
