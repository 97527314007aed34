package io.gatehouse.evidence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: the ledger knows no evidence, the protocol-neutral artifacts know no protocol, and
 * neither protocol knows the other.
 */
class PackageDependenciesTest {

    private static final JavaClasses SERVICE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gatehouse.evidence");

    @Test
    void noPackageDependsOnOneThatDependsOnItBack() {
        slices().matching("io.gatehouse.evidence.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void theLedgerDependsOnNoEvidenceRenderedFromIt() {
        noClasses().that().resideInAPackage("io.gatehouse.evidence.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.evidence.artifacts..", "io.gatehouse.evidence.incident..",
                        "io.gatehouse.evidence.release..", "io.gatehouse.evidence.manifest..", "io.gatehouse.evidence.retention..",
                        "io.gatehouse.evidence.sealing..")
                .check(SERVICE);
    }

    @Test
    void theProtocolNeutralArtifactsDependOnNoProtocol() {
        noClasses().that().resideInAPackage("io.gatehouse.evidence.artifacts..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.evidence.incident..", "io.gatehouse.evidence.release..")
                .check(SERVICE);
    }

    @Test
    void neitherProtocolDependsOnTheOther() {
        noClasses().that().resideInAPackage("io.gatehouse.evidence.incident..")
                .should().dependOnClassesThat().resideInAPackage("io.gatehouse.evidence.release..").check(SERVICE);
        noClasses().that().resideInAPackage("io.gatehouse.evidence.release..")
                .should().dependOnClassesThat().resideInAPackage("io.gatehouse.evidence.incident..").check(SERVICE);
    }
}
