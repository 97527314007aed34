package io.gatehouse.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: the commands over the rebuilt ledger over the log; no command needs another but the
 * bench, which times them all; nothing of the tool depends on its bench.
 */
class PackageDependenciesTest {

    private static final JavaClasses TOOL = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gatehouse.audit");

    @Test
    void noPackageDependsOnOneThatDependsOnItBack() {
        slices().matching("io.gatehouse.audit.(*)..").should().beFreeOfCycles().check(TOOL);
    }

    @Test
    void readingTheLogKnowsNothingOfWhatIsMadeOfIt() {
        noClasses().that().resideInAPackage("io.gatehouse.audit.log..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.audit.ledger..", "io.gatehouse.audit.replay..",
                        "io.gatehouse.audit.verify..", "io.gatehouse.audit.live..", "io.gatehouse.audit.bench..")
                .check(TOOL);
    }

    @Test
    void noCommandDependsOnAnother() {
        noClasses().that().resideInAnyPackage("io.gatehouse.audit.replay..", "io.gatehouse.audit.verify..", "io.gatehouse.audit.bundle..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.audit.bench..")
                .check(TOOL);
        noClasses().that().resideInAPackage("io.gatehouse.audit.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.audit.verify..", "io.gatehouse.audit.bundle..").check(TOOL);
        noClasses().that().resideInAPackage("io.gatehouse.audit.verify..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.audit.replay..", "io.gatehouse.audit.bundle..").check(TOOL);
    }
}
