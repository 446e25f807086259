package dev.pairwise.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of {@code architecture.md}: app → labeling; app → rewardmodel → policy;
 * app → policy. The ML code never sees Spring, Vaadin or JPA, and the annotation domain never
 * sees Vaadin or DJL.
 */
@AnalyzeClasses(packages = "dev.pairwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule policy_is_plain_java_and_djl = noClasses()
            .that().resideInAPackage("dev.pairwise.policy..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "jakarta.persistence..",
                    "dev.pairwise.labeling..", "dev.pairwise.rewardmodel..", "dev.pairwise.app..");

    @ArchTest
    static final ArchRule reward_model_depends_on_policy_only = noClasses()
            .that().resideInAPackage("dev.pairwise.rewardmodel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "jakarta.persistence..",
                    "dev.pairwise.labeling..", "dev.pairwise.app..")
            // The reward model arrives with the alignment trainers; the rule guards it from then on.
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule labeling_knows_nothing_of_ui_or_machine_learning = noClasses()
            .that().resideInAPackage("dev.pairwise.labeling..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.vaadin..", "ai.djl..",
                    "dev.pairwise.policy..", "dev.pairwise.rewardmodel..", "dev.pairwise.app..");

    @ArchTest
    static final ArchRule views_never_reach_repositories = noClasses()
            .that().resideInAPackage("dev.pairwise.app.ui..")
            .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class);
}
