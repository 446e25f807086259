package dev.pairwise.labeling.importing;

import java.util.List;

/** An import with bad lines stores nothing; this lists them (the first 100) and counts them all. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportLineError> errors;
    private final int errorCount;

    public ImportRejectedException(List<ImportLineError> errors, int errorCount) {
        super(errorCount + " bad line(s), nothing imported; first: line " + errors.getFirst().line() + ": "
                + errors.getFirst().reason());
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public List<ImportLineError> errors() {
        return errors;
    }

    public int errorCount() {
        return errorCount;
    }
}
