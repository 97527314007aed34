package io.gatehouse.rehearsal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: no feature package imports one that imports it back, the aggregate imports no feature but
 * its errors and the pure rules, and the pure rules (gates, drift, policy) know nothing of the framework or the
 * aggregate.
 */
class PackageDependenciesTest {

    private static final JavaClasses SERVICE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gatehouse.rehearsal");

    @Test
    void noFeaturePackageDependsOnOneThatDependsOnItBack() {
        slices().matching("io.gatehouse.rehearsal.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void theReleaseAggregateDependsOnNoFeatureButItsErrorsAndThePureRules() {
        noClasses().that().resideInAPackage("io.gatehouse.rehearsal")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.rehearsal.approval..", "io.gatehouse.rehearsal.evaluation..",
                        "io.gatehouse.rehearsal.expiry..", "io.gatehouse.rehearsal.intake..", "io.gatehouse.rehearsal.notification..",
                        "io.gatehouse.rehearsal.query..", "io.gatehouse.rehearsal.registration..", "io.gatehouse.rehearsal.waiver..")
                .check(SERVICE);
    }

    @Test
    void theGatesAndTheDriftArePureCode() {
        noClasses().that().resideInAnyPackage("io.gatehouse.rehearsal.gates..", "io.gatehouse.rehearsal.drift..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..", "io.gatehouse.messaging..",
                        "io.gatehouse.rehearsal")
                .check(SERVICE);
    }
}
