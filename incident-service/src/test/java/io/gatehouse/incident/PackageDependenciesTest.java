package io.gatehouse.incident;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: no feature package imports one that imports it back, and the aggregate imports no feature. */
class PackageDependenciesTest {

    private static final JavaClasses SERVICE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gatehouse.incident");

    @Test
    void noFeaturePackageDependsOnOneThatDependsOnItBack() {
        slices().matching("io.gatehouse.incident.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void theIncidentAggregateDependsOnNoFeatureButItsErrorsAndSeverityRules() {
        noClasses().that().resideInAPackage("io.gatehouse.incident")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.incident.consensus..", "io.gatehouse.incident.detection..",
                        "io.gatehouse.incident.execution..", "io.gatehouse.incident.feedback..", "io.gatehouse.incident.gates..",
                        "io.gatehouse.incident.mitigation..", "io.gatehouse.incident.notification..",
                        "io.gatehouse.incident.policy..", "io.gatehouse.incident.query..", "io.gatehouse.incident.releases..", "io.gatehouse.incident.resolution..",
                        "io.gatehouse.incident.signoff..")
                .check(SERVICE);
    }
}
