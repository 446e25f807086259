package dev.pairwise.policy.device;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * Models run where {@link Devices} puts them, and nothing in the hot path makes an array on
 * another device behind the model's back. Our machines have no GPU, so a run cannot show that a
 * GPU model stays on the GPU; these rules hold the code to it instead: every trainer, the sampler
 * and the reward models take the device as a parameter (or the model's own), and only the
 * classes that read and write weight files stage tensors on the host.
 */
@AnalyzeClasses(packages = "dev.pairwise", importOptions = ImportOption.DoNotIncludeTests.class)
class DeviceRulesTest {

    private static final Set<String> DEVICE_FACTORIES = Set.of("cpu", "gpu", "of", "fromName");
    private static final Set<String> ENGINE_DEVICE_QUERIES = Set.of("defaultDevice", "getGpuCount", "getDevices");

    private static final DescribedPredicate<JavaMethodCall> CHOOSES_A_DEVICE = new DescribedPredicate<>(
            "a call that picks a device (Device.cpu/gpu/of/fromName, Engine.defaultDevice/getGpuCount/getDevices)") {
        @Override
        public boolean test(JavaMethodCall call) {
            String name = call.getTarget().getName();
            var owner = call.getTarget().getOwner();
            return owner.isEquivalentTo(Device.class) && DEVICE_FACTORIES.contains(name)
                    || owner.isAssignableTo(Engine.class) && ENGINE_DEVICE_QUERIES.contains(name);
        }
    };

    private static final DescribedPredicate<JavaMethodCall> STAGES_ON_THE_HOST = new DescribedPredicate<>(
            "Devices.host()") {
        @Override
        public boolean test(JavaMethodCall call) {
            return call.getTarget().getOwner().isEquivalentTo(Devices.class) && call.getTarget().getName().equals("host");
        }
    };

    private static final DescribedPredicate<JavaMethodCall> DEFAULT_DEVICE_MANAGER = new DescribedPredicate<>(
            "NDManager.newBaseManager() without a device (the engine's default, not the model's)") {
        @Override
        public boolean test(JavaMethodCall call) {
            return call.getTarget().getOwner().isEquivalentTo(NDManager.class)
                    && call.getTarget().getName().equals("newBaseManager")
                    && call.getTarget().getRawParameterTypes().stream().noneMatch(p -> p.isEquivalentTo(Device.class));
        }
    };

    private static final DescribedPredicate<JavaMethodCall> MOVES_AN_ARRAY = new DescribedPredicate<>(
            "NDArray.toDevice") {
        @Override
        public boolean test(JavaMethodCall call) {
            return call.getTarget().getOwner().isAssignableTo(NDArray.class) && call.getTarget().getName().equals("toDevice");
        }
    };

    /** {@code --device cpu|gpu} of the command line is the user's own choice, so DeviceOption may name one. */
    @ArchTest
    static final ArchRule only_devices_chooses_a_device = noClasses()
            .that().doNotHaveFullyQualifiedName(Devices.class.getName())
            .and().doNotHaveFullyQualifiedName("dev.pairwise.app.cli.DeviceOption")
            .should().callMethodWhere(CHOOSES_A_DEVICE);

    /** Reading and writing weight files goes through host memory; nothing else does. */
    @ArchTest
    static final ArchRule only_weight_files_stage_on_the_host = noClasses()
            .that().resideOutsideOfPackages("dev.pairwise.policy.checkpoint..", "dev.pairwise.policy.hf..")
            .and().doNotHaveFullyQualifiedName("dev.pairwise.policy.model.NativeArrays")
            .and().doNotHaveFullyQualifiedName("dev.pairwise.rewardmodel.GptRewardModel")
            .and().doNotHaveFullyQualifiedName("dev.pairwise.rewardmodel.BertRewardModel")
            .should().callMethodWhere(STAGES_ON_THE_HOST);

    @ArchTest
    static final ArchRule no_array_lands_on_the_engines_default_device = noClasses()
            .should().callMethodWhere(DEFAULT_DEVICE_MANAGER);

    /** Java data reaches the model's device in one place (NativeArrays copies host memory over). */
    @ArchTest
    static final ArchRule arrays_move_between_devices_only_in_native_arrays = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.pairwise.policy.model.NativeArrays")
            .should().callMethodWhere(MOVES_AN_ARRAY);
}
