package org.footpain;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout is the architecture: a pure engine and knowledge base with no framework inside, adapters
 * around them. Plain JUnit: the rules read compiled classes, no container is needed.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.footpain");
    }

    @Test
    void engine_depends_only_on_java_and_the_knowledge_model() {
        noClasses().that().resideInAPackage("org.footpain.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.footpain.engine..",
                        "org.footpain.knowledge..")
                .check(classes);
    }

    @Test
    void knowledge_base_has_no_framework_inside() {
        noClasses().that().resideInAPackage("org.footpain.knowledge..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.footpain.knowledge..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void only_the_loader_touches_jackson_in_the_knowledge_base() {
        noClasses().that().resideInAPackage("org.footpain.knowledge..")
                .and().doNotHaveSimpleName("KnowledgeBaseLoader").and().doNotHaveSimpleName("JsonEntry")
                .and().haveNameNotMatching(".*KnowledgeBaseLoader\\$.*")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void engine_and_knowledge_never_reach_into_an_adapter() {
        noClasses().that().resideInAnyPackage("org.footpain.engine..", "org.footpain.knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("org.footpain.api..")
                .check(classes);
    }

    @Test
    void engine_and_knowledge_never_reach_into_fhir_or_cds_hooks() {
        noClasses().that().resideInAnyPackage("org.footpain.engine..", "org.footpain.knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("org.footpain.fhir..", "org.footpain.cdshooks..")
                .check(classes);
    }

    @Test
    void the_json_api_knows_nothing_of_fhir_or_cds_hooks() {
        noClasses().that().resideInAPackage("org.footpain.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.footpain.fhir..", "org.footpain.cdshooks..")
                .check(classes);
    }

    @Test
    void fhir_uses_only_the_shared_error_vocabulary_of_the_json_api_and_knows_nothing_of_cds_hooks() {
        noClasses().that().resideInAPackage("org.footpain.fhir..")
                .should().dependOnClassesThat().resideInAnyPackage("org.footpain.cdshooks..")
                .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.footpain.api..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.footpain.api.problem.."))))
                .check(classes);
    }

    @Test
    void cds_hooks_builds_on_fhir_and_uses_only_the_shared_error_vocabulary_of_the_json_api() {
        noClasses().that().resideInAPackage("org.footpain.cdshooks..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.footpain.api..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.footpain.api.problem.."))))
                .check(classes);
    }

    @Test
    void what_every_endpoint_shares_knows_none_of_the_adapters() {
        noClasses().that().resideInAPackage("org.footpain.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.footpain.api..", "org.footpain.fhir..",
                        "org.footpain.cdshooks..")
                .check(classes);
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("org.footpain.(*)..").should().beFreeOfCycles().check(classes);
    }
}
