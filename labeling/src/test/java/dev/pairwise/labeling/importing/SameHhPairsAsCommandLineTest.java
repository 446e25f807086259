package dev.pairwise.labeling.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.formats.HhRlhf;
import dev.pairwise.formats.JsonLines;
import dev.pairwise.formats.SharedData;
import dev.pairwise.policy.data.pairs.PairReader;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.ReadReport;
import dev.pairwise.policy.data.pairs.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One HH-RLHF file gives the same pairs through the app's import and through the command line's
 * reader: the real helpful-base test split, whose 9 replies that hold {@code "\n\nAssistant:"}
 * themselves the import once refused. The import refuses what the reader skips: the 2 pairs with
 * identical sides and the 4 with an empty reply. (A labeling test that reads policy, as only the
 * app does in main code, because the import's parser is this package's own.)
 */
class SameHhPairsAsCommandLineTest {

    @Test
    void the_real_helpful_base_split_imports_as_the_command_line_reads_it() throws IOException {
        Path file = SharedData.hhRlhf("helpful-base");
        List<ImportItem> imported = new ArrayList<>();
        ParseSummary summary;
        try (InputStream in = JsonLines.open(file)) {
            summary = ImportParser.parse(ImportFormat.HH_RLHF, in, new ImportRules(2, 100_000), imported::add);
        }
        ReadReport<PreferencePair> read = PairReader.read(file);

        assertThat(summary.lines()).isEqualTo(read.total()).isEqualTo(2354);
        assertThat(summary.errors()).extracting(ImportLineError::reason).filteredOn(r -> r.contains("same text"))
                .hasSize(read.skippedIdentical()).hasSize(2);
        assertThat(summary.errors()).extracting(ImportLineError::reason).filteredOn(r -> r.contains("must not be empty"))
                .hasSize(read.skippedEmpty()).hasSize(4);
        assertThat(summary.errorCount()).isEqualTo(6);
        List<PreferencePair> asImported = imported.stream().map(i -> asTrainingPair((ImportItem.Pair) i)).toList();
        assertThat(asImported).hasSize(2348).isEqualTo(read.records());
        assertThat(asImported).filteredOn(p -> (p.chosen() + p.rejected()).contains("\n\nAssistant:")).hasSize(9);
    }

    /** The stored prompt text as turns: its dialogue rebuilt and split again. */
    private static PreferencePair asTrainingPair(ImportItem.Pair p) {
        HhRlhf.Pair split = HhRlhf.split(HhRlhf.dialogue(p.prompt(), p.chosen()), HhRlhf.dialogue(p.prompt(), p.rejected()));
        return new PreferencePair(Turn.of(split.turns()), p.chosen(), p.rejected());
    }
}
