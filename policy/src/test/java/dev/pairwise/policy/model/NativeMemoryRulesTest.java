package dev.pairwise.policy.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.Buffer;
import java.util.Set;

/**
 * Every NDArray made from Java data, and every overwrite of an array's contents, goes through
 * {@link NativeArrays}: DJL's own paths ({@code NDManager.create(float[]...)}, arithmetic with a
 * {@code Number}, {@code set(Buffer)}, {@code copyTo}) leave tensors over Java buffers that the
 * garbage collector frees while autograd may still read them (see {@link NativeArrays}).
 */
@AnalyzeClasses(packages = "dev.pairwise", importOptions = ImportOption.DoNotIncludeTests.class)
class NativeMemoryRulesTest {

    /** Creations that fill a tensor from Java memory. */
    private static final Set<String> CREATE = Set.of("create", "createCoo", "createCSR", "createRowSparse", "from");

    private static final DescribedPredicate<JavaMethodCall> JAVA_BACKED_ARRAY = new DescribedPredicate<>(
            "an NDManager/NDArray method that builds a tensor over Java memory") {
        @Override
        public boolean test(JavaMethodCall call) {
            JavaClass owner = call.getTarget().getOwner();
            boolean manager = owner.isAssignableTo(NDManager.class);
            boolean array = owner.isAssignableTo(NDArray.class);
            if (!manager && !array) {
                return false;
            }
            String name = call.getTarget().getName();
            var params = call.getTarget().getRawParameterTypes();
            boolean numberParam = params.stream().anyMatch(p -> p.isAssignableTo(Number.class));
            boolean bufferParam = params.stream().anyMatch(p -> p.isAssignableTo(Buffer.class));
            boolean dataParam = numberParam || bufferParam
                    || params.stream().anyMatch(p -> p.isArray() && p.getComponentType().isPrimitive());
            if (manager) {
                return CREATE.contains(name) && dataParam;
            }
            return numberParam || bufferParam || name.equals("copyTo");
        }
    };

    @ArchTest
    static final ArchRule java_data_becomes_tensors_only_through_native_arrays = noClasses()
            .that().doNotHaveFullyQualifiedName(NativeArrays.class.getName())
            .should().callMethodWhere(JAVA_BACKED_ARRAY);
}
