package dev.pairwise.labeling.importing;

import dev.pairwise.formats.FormatException;
import dev.pairwise.formats.JsonLines;
import dev.pairwise.formats.Utf8Lines;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.TextRules;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.TaskService;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Reads an import file in one pass, handing each good line to a sink and collecting bad lines
 * with their number and reason. Pure apart from reading the stream: nothing is stored here.
 */
final class ImportParser {

    /** Bad lines kept in full; the rest are only counted. */
    static final int MAX_ERRORS = 100;

    private final ImportRules rules;
    private final List<ImportLineError> errors = new ArrayList<>();
    private int errorCount;
    private int lines;
    private int items;

    private ImportParser(ImportRules rules) {
        this.rules = rules;
    }

    static ParseSummary parse(ImportFormat format, InputStream in, ImportRules rules, Consumer<ImportItem> sink) {
        ImportParser p = new ImportParser(rules);
        if (format == ImportFormat.CSV) {
            p.readCsv(new Utf8Lines(in), sink);
        } else {
            p.readJsonLines(format, in, sink);
        }
        return new ParseSummary(p.lines, p.items, p.errorCount, List.copyOf(p.errors));
    }

    private void readJsonLines(ImportFormat format, InputStream in, Consumer<ImportItem> sink) {
        JsonLines reader = new JsonLines(in);
        for (JsonLines.Line line = reader.next(); line != null; line = reader.next()) {
            lines++;
            JsonNode node = line.record();
            if (node == null) {
                error(line.number(), String.valueOf(line.error()));
                continue;
            }
            try {
                ImportItem item = switch (format) {
                    case JSONL -> RankedLines.ranked(line.number(), node);
                    case HH_RLHF -> PairLines.hhRlhf(line.number(), node);
                    case TRL -> PairLines.trl(line.number(), node);
                    case BATTLES -> BattleLines.battle(line.number(), node);
                    case CSV -> throw new IllegalStateException();
                };
                accept(item, sink);
            } catch (InvalidInputException | FormatException e) {
                error(line.number(), e.getMessage());
            }
        }
    }

    private void readCsv(Utf8Lines reader, Consumer<ImportItem> sink) {
        CsvRecords records = new CsvRecords(reader);
        List<String> header = null;
        int promptCol = -1;
        List<Integer> responseCols = new ArrayList<>();
        for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
            if (r.error() == null && r.fields().size() == 1 && r.fields().getFirst().isBlank()) {
                continue;
            }
            if (header == null) {
                if (r.error() != null) {
                    lines++;
                    error(r.line(), r.error());
                    return;
                }
                header = r.fields().stream().map(h -> h.strip().toLowerCase()).toList();
                promptCol = header.indexOf("prompt");
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).startsWith("response")) {
                        responseCols.add(i);
                    }
                }
                if (promptCol < 0 || responseCols.size() < 2) {
                    lines++;
                    error(r.line(), "the header needs a 'prompt' column and at least two 'response' columns");
                    return;
                }
                continue;
            }
            lines++;
            if (r.error() != null) {
                error(r.line(), r.error());
                continue;
            }
            if (r.fields().size() != header.size()) {
                error(r.line(), "expected " + header.size() + " columns, found " + r.fields().size());
                continue;
            }
            List<NewPrompt.NewResponse> responses = new ArrayList<>();
            for (int col : responseCols) {
                String text = r.fields().get(col);
                if (!text.isEmpty()) {
                    responses.add(new NewPrompt.NewResponse(text, RankedLines.IMPORTED));
                }
            }
            try {
                accept(new ImportItem.Ranked(r.line(), new NewPrompt(r.fields().get(promptCol), responses)), sink);
            } catch (InvalidInputException e) {
                error(r.line(), e.getMessage());
            }
        }
    }

    private void accept(ImportItem item, Consumer<ImportItem> sink) {
        switch (item) {
            case ImportItem.Ranked r -> checkRanked(r.prompt());
            case ImportItem.Pair p -> {
                TextRules.require("prompt", p.prompt(), rules.maxChars());
                TextRules.require("chosen", p.chosen(), rules.maxChars());
                TextRules.require("rejected", p.rejected(), rules.maxChars());
                if (p.chosen().equals(p.rejected())) {
                    throw new InvalidInputException("rejected", "chosen and rejected are the same text");
                }
            }
            case ImportItem.Battle b -> {
                TextRules.require("prompt", b.prompt(), rules.maxChars());
                TextRules.require("answer_a", b.answerA(), rules.maxChars());
                TextRules.require("answer_b", b.answerB(), rules.maxChars());
            }
        }
        items++;
        sink.accept(item);
    }

    /**
     * A prompt to rank has exactly the project's K responses (a task of fewer would be ranked
     * beside tasks of K, and the project promises K), all different (a tie between two copies of
     * one text says nothing); then the general task rules.
     */
    private void checkRanked(NewPrompt prompt) {
        int n = prompt.responses() == null ? 0 : prompt.responses().size();
        if (n != rules.k()) {
            throw new InvalidInputException("responses", "has " + n + (n == 1 ? " response" : " responses")
                    + "; this project ranks exactly " + rules.k() + " per prompt (its K)");
        }
        TaskService.validate(prompt, rules.k(), rules.maxChars());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer before = seen.putIfAbsent(prompt.responses().get(i).text().strip(), i + 1);
            if (before != null) {
                throw new InvalidInputException("responses", "responses " + before + " and " + (i + 1)
                        + " are the same text; the responses to rank must differ");
            }
        }
    }

    private void error(int line, String reason) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ImportLineError(line, reason));
        }
    }
}
