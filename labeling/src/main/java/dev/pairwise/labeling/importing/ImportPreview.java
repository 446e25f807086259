package dev.pairwise.labeling.importing;

import java.util.List;

/**
 * What an import would do, without storing anything.
 *
 * @param format     the format read
 * @param lines      lines (records) read, blank lines excluded
 * @param goodItems  lines that would be imported
 * @param errorCount bad lines in total
 * @param errors     the first 100 bad lines
 * @param sample     the first 20 good items
 */
public record ImportPreview(ImportFormat format, int lines, int goodItems, int errorCount,
                            List<ImportLineError> errors, List<ImportItem> sample) {

    public boolean ok() {
        return errorCount == 0 && goodItems > 0;
    }
}
