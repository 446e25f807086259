package dev.pairwise.app.cli;

import dev.pairwise.app.agreement.Agreement;
import dev.pairwise.app.agreement.JudgmentsFile;
import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agreement}: inter-labeler agreement of a judgments export, by the same code as the API. */
@Command(name = "agreement", description = {
        "Inter-labeler agreement of a judgments export, as one JSON line.",
        "pairwise_agreement, krippendorff_alpha (nominal), kendall_tau_b, units, labelers and per_labeler, "
                + "computed as GET /api/projects/{id}/agreement does; null where a number is undefined."})
final class AgreementCommand extends StageCommand {

    @Option(names = "--judgments", required = true, paramLabel = "FILE",
            description = "JSONL from GET /api/projects/{id}/export/judgments: {task_id, labeler, tiers}.")
    Path judgments;

    @Override
    public Integer call() throws IOException {
        Agreement agreement = Agreement.of(JudgmentsFile.read(judgments));
        out().println(Json.compact(agreement.asMap()));
        return 0;
    }
}
