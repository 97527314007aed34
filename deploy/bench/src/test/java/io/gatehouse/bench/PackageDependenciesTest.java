package io.gatehouse.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: the command line over the phases, the phases over the load, the stack and the
 * arithmetic; no phase needs another, and the report only reads what the phases measured.
 */
class PackageDependenciesTest {

    private static final String[] PHASES = {"io.gatehouse.bench.raw..", "io.gatehouse.bench.intake..", "io.gatehouse.bench.webhook..",
            "io.gatehouse.bench.latency..", "io.gatehouse.bench.storm..", "io.gatehouse.bench.evidence..", "io.gatehouse.bench.footprint.."};

    private static final JavaClasses BENCH = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gatehouse.bench");

    @Test
    void noPackageDependsOnOneThatDependsOnItBack() {
        slices().matching("io.gatehouse.bench.(*)..").should().beFreeOfCycles().check(BENCH);
    }

    @Test
    void noPhaseDependsOnAnotherOrOnTheReport() {
        for (String phase : PHASES) {
            String[] others = Arrays.stream(PHASES).filter(p -> !p.equals(phase)).toArray(String[]::new);
            noClasses().that().resideInAPackage(phase).should().dependOnClassesThat().resideInAnyPackage(others).check(BENCH);
            noClasses().that().resideInAPackage(phase).should().dependOnClassesThat().resideInAPackage("io.gatehouse.bench.report..").check(BENCH);
        }
    }

    @Test
    void theArithmeticAndTheLoadKnowNothingOfThePhases() {
        noClasses().that().resideInAnyPackage("io.gatehouse.bench.stats..", "io.gatehouse.bench.http..", "io.gatehouse.bench.payload..",
                        "io.gatehouse.bench.stack..")
                .should().dependOnClassesThat().resideInAnyPackage(PHASES).check(BENCH);
    }
}
