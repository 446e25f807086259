package dev.pairwise.labeling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Size limits and tuning for the annotation domain ({@code pairwise.labeling.*}).
 *
 * @param maxTextChars   longest prompt, response or demonstration accepted. 32,768 characters
 *                       holds any chat turn people rank by hand and keeps a task page light.
 * @param maxRationaleChars longest free-text rationale; 10,000 matches the column.
 * @param exportPageSize rows read per keyset page when exporting; 1,000 keeps memory flat
 *                       while each page is one cheap indexed range scan.
 */
@ConfigurationProperties("pairwise.labeling")
public record LabelingLimits(
        @DefaultValue("32768") int maxTextChars,
        @DefaultValue("10000") int maxRationaleChars,
        @DefaultValue("1000") int exportPageSize) {

    public LabelingLimits {
        if (maxTextChars < 1 || maxTextChars > 1_000_000) {
            throw new IllegalArgumentException("pairwise.labeling.max-text-chars must be in 1..1000000");
        }
        if (maxRationaleChars < 1 || maxRationaleChars > 10_000) {
            throw new IllegalArgumentException("pairwise.labeling.max-rationale-chars must be in 1..10000");
        }
        if (exportPageSize < 1) {
            throw new IllegalArgumentException("pairwise.labeling.export-page-size must be positive");
        }
    }

    /** The defaults, for tests and tools that run without Spring. */
    public static LabelingLimits defaults() {
        return new LabelingLimits(32768, 10000, 1000);
    }
}
