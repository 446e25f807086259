package dev.pairwise.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/**
 * The dependency rules of {@code architecture.md}: app → labeling; app → loopdemo → rewardmodel →
 * policy; app → policy. The ML code never sees Spring, Vaadin or JPA, and the annotation domain
 * never sees Vaadin or DJL. Command lines live in {@code app.cli} only, and run without Spring.
 * Agreement ({@code app.agreement}) is plain Java, shared by the API and the command line. Corpus
 * cleaning ({@code corpus}) is plain Java on Flink, using {@code policy} for perplexity only. The
 * OpenAI-compatible client library is known to {@code app.connections} alone, whose own types
 * (messages, completions, failures) are what the rest of the app calls. The file formats that
 * both the app's import and the command line read ({@code formats}: JSON lines, HH-RLHF, TRL
 * preference records, message lists) are plain Java on Jackson, usable by every part and using
 * none of them, so each format is parsed in one place. The model registry ({@code app.registry}),
 * the corpus store ({@code app.corpora}) and a job type's config schema ({@code app.jobs.config})
 * never use the job queue ({@code app.jobs}), which uses the registry and the schema. JSON mappers
 * are configured once, in {@code policy.io.Json}, but where a rule below names a reason.
 */
@AnalyzeClasses(packages = "dev.pairwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule policy_is_plain_java_and_djl = noClasses()
            .that().resideInAPackage("dev.pairwise.policy..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "jakarta.persistence..", "picocli..",
                    "dev.pairwise.labeling..", "dev.pairwise.rewardmodel..", "dev.pairwise.loopdemo..",
                    "dev.pairwise.app..");

    @ArchTest
    static final ArchRule formats_are_plain_java_on_jackson_and_use_no_other_part = classes()
            .that().resideInAPackage("dev.pairwise.formats..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.pairwise.formats..", "java..", "tools.jackson..", "org.jspecify..");

    @ArchTest
    static final ArchRule reward_model_depends_on_policy_only = noClasses()
            .that().resideInAPackage("dev.pairwise.rewardmodel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "jakarta.persistence..", "picocli..",
                    "dev.pairwise.labeling..", "dev.pairwise.loopdemo..", "dev.pairwise.app..");

    @ArchTest
    static final ArchRule loop_demo_is_plain_java_on_the_models = noClasses()
            .that().resideInAPackage("dev.pairwise.loopdemo..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "jakarta.persistence..", "picocli..",
                    "dev.pairwise.labeling..", "dev.pairwise.app..");

    @ArchTest
    static final ArchRule corpus_cleaning_is_plain_java_on_flink_and_the_policy = noClasses()
            .that().resideInAPackage("dev.pairwise.corpus..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "jakarta.persistence..", "picocli..",
                    "dev.pairwise.labeling..", "dev.pairwise.rewardmodel..", "dev.pairwise.loopdemo..",
                    "dev.pairwise.app..");

    @ArchTest
    static final ArchRule the_models_know_nothing_of_corpus_cleaning = noClasses()
            .that().resideInAnyPackage("dev.pairwise.policy..", "dev.pairwise.rewardmodel..", "dev.pairwise.labeling..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pairwise.corpus..", "org.apache.flink..");

    @ArchTest
    static final ArchRule commands_run_without_spring = noClasses()
            .that().resideInAPackage("dev.pairwise.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "jakarta.persistence..", "dev.pairwise.labeling..");

    @ArchTest
    static final ArchRule agreement_is_plain_java_for_the_api_and_the_command_line = noClasses()
            .that().resideInAPackage("dev.pairwise.app.agreement..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "jakarta.persistence..", "picocli..", "ai.djl..",
                    "dev.pairwise.labeling..", "dev.pairwise.app.api..", "dev.pairwise.app.cli..");

    @ArchTest
    static final ArchRule only_the_command_line_parses_command_lines = noClasses()
            .that().resideOutsideOfPackage("dev.pairwise.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule labeling_knows_nothing_of_ui_or_machine_learning = noClasses()
            .that().resideInAPackage("dev.pairwise.labeling..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.vaadin..", "ai.djl..",
                    "dev.pairwise.policy..", "dev.pairwise.rewardmodel..", "dev.pairwise.loopdemo..",
                    "dev.pairwise.app..");

    @ArchTest
    static final ArchRule only_model_connections_know_the_chat_client_library = noClasses()
            .that().resideOutsideOfPackage("dev.pairwise.app.connections..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..");

    @ArchTest
    static final ArchRule the_registry_and_the_corpora_know_nothing_of_the_job_queue = noClasses()
            .that().resideInAnyPackage("dev.pairwise.app.registry..", "dev.pairwise.app.corpora..")
            .should().dependOnClassesThat().resideInAPackage("dev.pairwise.app.jobs..");

    @ArchTest
    static final ArchRule the_config_schema_knows_nothing_of_the_job_queue = noClasses()
            .that().resideInAPackage("dev.pairwise.app.jobs.config..")
            .should().dependOnClassesThat().resideInAPackage("dev.pairwise.app.jobs");

    @ArchTest
    static final ArchRule views_never_reach_repositories = noClasses()
            .that().resideInAPackage("dev.pairwise.app.ui..")
            .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class);

    /**
     * The app classes that still build a Jackson mapper with its defaults. ModelRegistry on purpose
     * (stored metrics stay standard JSON, which the shared mapper's bare NaN is not); the others are
     * yet to be weighed against {@code policy.io.Json}. A class leaves this list, none joins it.
     */
    private static final Set<String> OWN_DEFAULT_MAPPERS = Set.of(
            "dev.pairwise.app.registry.ModelRegistry",
            "dev.pairwise.app.api.CheckpointsController",
            "dev.pairwise.app.api.JobsController",
            "dev.pairwise.app.jobs.config.JobSettings",
            "dev.pairwise.app.ui.jobs.ConfigJson",
            "dev.pairwise.app.training.JsonSupport",
            "dev.pairwise.app.instruct.SelfInstructState",
            "dev.pairwise.app.openai.OpenAiErrorResolver",
            "dev.pairwise.app.sampling.ConnectionDraw");

    /**
     * One configured mapper, {@code policy.io.Json}: no other class builds one, but for the parts
     * that may not see the policy ({@code formats}, {@code labeling}) and the list above.
     */
    @ArchTest
    static final ArchRule json_mappers_are_built_in_policy_io_json = noClasses()
            .that().resideOutsideOfPackages("dev.pairwise.policy.io", "dev.pairwise.formats..", "dev.pairwise.labeling..")
            .and(DescribedPredicate.describe("are not listed in OWN_DEFAULT_MAPPERS",
                    (JavaClass c) -> !OWN_DEFAULT_MAPPERS.contains(c.getName())))
            .should().callMethodWhere(target(name("builder")).and(target(owner(assignableTo(ObjectMapper.class)))))
            .orShould().callConstructorWhere(target(owner(assignableTo(ObjectMapper.class))));
}
