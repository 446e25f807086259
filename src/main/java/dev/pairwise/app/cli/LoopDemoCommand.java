package dev.pairwise.app.cli;

import ai.djl.Device;
import dev.pairwise.loopdemo.LoopDemo;
import dev.pairwise.loopdemo.RoutingComparison;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loop-demo}: the whole alignment loop on a synthetic task with a known answer. */
@Command(name = "loop-demo", description = {
        "The whole alignment loop on a synthetic task with a known answer.",
        "Pretrain, SFT, simulated rankings, reward model, DPO and PPO; prints the oracle scores as one JSON line."})
final class LoopDemoCommand extends StageCommand {

    @Option(names = "--size", paramLabel = "tiny|small",
            description = "tiny: minutes on a CPU (the test's size); small: a larger model, about 20 minutes.")
    String size = "tiny";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the data, the models and the sampling.")
    long seed = 1;

    @Option(names = "--set", paramLabel = "NAME=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Overrides one setting of the size (e.g. trainTasks=800); may be repeated.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--knob", paramLabel = "NAME=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Overrides one learning setting (e.g. dpoLr=1e-4); may be repeated.")
    List<String> knobs = new ArrayList<>();

    @Option(names = "--routing", paramLabel = "fifo|uncertainty|both",
            description = {"Instead of the whole loop: the reward model's held-out accuracy at each label budget when "
                    + "the training prompts are labelled in order (fifo) or smallest reward margin first (uncertainty); "
                    + "one JSON line per routing and budget. Pretraining and SFT run once for both."})
    String routing;

    @Option(names = "--budgets", paramLabel = "N", split = ",",
            description = "Label budgets (labelled prompts) of --routing, comma-separated; uncertainty adds the "
                    + "difference between consecutive budgets per round.")
    List<Integer> budgets = new ArrayList<>(List.of(50, 100, 200, 400));

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() {
        LoopDemo.Size s;
        LoopDemo.Knobs k;
        try {
            s = LoopDemo.Size.named(size);
            k = LoopDemo.Knobs.forSize(s.name());
            for (String set : sets) {
                s = s.with(set);
            }
            for (String knob : knobs) {
                k = k.with(knob);
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        RoutingComparison.Routings routings = null;
        int[] budgetList = null;
        if (routing != null) {
            try {
                routings = RoutingComparison.Routings.named(routing);
                budgetList = RoutingComparison.budgets(budgets, s.trainTasks());
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        Device device = deviceOption.resolve();
        err().println(DjlRuntime.describe(device));
        if (routings != null) {
            RoutingComparison.Result r = RoutingComparison.run(s, k, seed, budgetList, routings, device, err()::println);
            r.toJsonLines().forEach(out()::println);
            return 0;
        }
        LoopDemo.Result r = LoopDemo.run(s, k, seed, device, err()::println);
        out().println(r.toJson());
        return 0;
    }
}
