package dev.pairwise.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One JSON library: Jackson, which Spring already uses ({@code dev.pairwise.policy.io.Json} is the
 * configured mapper of the plain-Java code). Gson only arrives with DJL and stays unused, in test
 * code too, which is why this rule, unlike {@link ArchitectureTest}'s, reads the test classes.
 */
@AnalyzeClasses(packages = "dev.pairwise")
class OneJsonLibraryTest {

    @ArchTest
    static final ArchRule jackson_is_the_one_json_library = noClasses()
            .that().resideInAPackage("dev.pairwise..")
            .should().dependOnClassesThat().resideInAPackage("com.google.gson..");
}
