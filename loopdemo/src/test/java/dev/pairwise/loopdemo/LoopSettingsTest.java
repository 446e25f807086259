package dev.pairwise.loopdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.policy.synthetic.TaskKind;
import org.junit.jupiter.api.Test;

class LoopSettingsTest {

    @Test
    void a_setting_is_overridden_by_name_and_the_rest_kept() {
        LoopDemo.Size s = LoopDemo.Size.tiny().with("trainTasks=300").with("kinds=add,sort");
        assertThat(s.trainTasks()).isEqualTo(300);
        assertThat(s.kindSet()).containsExactlyInAnyOrder(TaskKind.ADD, TaskKind.SORT);
        assertThat(s.heldOut()).isEqualTo(LoopDemo.Size.tiny().heldOut());
        LoopDemo.Knobs k = LoopDemo.Knobs.tiny().with("dpoLr=2e-4").with("goldInK=true");
        assertThat(k.dpoLr()).isEqualTo(2e-4);
        assertThat(k.goldInK()).isTrue();
        assertThat(k.rmEpochs()).isEqualTo(LoopDemo.Knobs.tiny().rmEpochs());
    }

    @Test
    void unknown_names_and_bad_values_are_refused_naming_the_setting() {
        assertThatThrownBy(() -> LoopDemo.Size.tiny().with("layerz=3")).hasMessageContaining("unknown setting 'layerz'");
        assertThatThrownBy(() -> LoopDemo.Size.tiny().with("layers")).hasMessageContaining("name=value");
        assertThatThrownBy(() -> LoopDemo.Knobs.tiny().with("rmEpochs=many")).hasMessageContaining("rmEpochs");
        assertThatThrownBy(() -> LoopDemo.Size.tiny().with("kinds=add,poetry")).hasMessageContaining("poetry");
        assertThatThrownBy(() -> LoopDemo.Knobs.tiny().with("demoErrors=typos")).hasMessageContaining("demoErrors");
        assertThatThrownBy(() -> LoopDemo.Size.named("huge")).hasMessageContaining("tiny or small");
    }
}
