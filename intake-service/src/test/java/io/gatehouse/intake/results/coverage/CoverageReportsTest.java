package io.gatehouse.intake.results.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.events.CoverageSummary;
import io.gatehouse.infra.corpus.Corpus;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.HostileXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageReportsTest {

    private static final String JACOCO_DOCTYPE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">";

    @TempDir
    Path folder;

    @Test
    void theCorpusJaCoCoReportIsSummedOverItsPackagesForEachCounter() throws IOException {
        byte[] report = Files.readAllBytes(corpus().resolve("jacoco-0.8.3.xml"));

        CoverageSummary lines = CoverageReports.parse(report, CoverageCounter.LINE);
        assertThat(lines.getFormat()).isEqualTo("jacoco");
        assertThat(lines.getCounter()).isEqualTo("LINE");
        assertThat(lines.getCovered()).isEqualTo(26);
        assertThat(lines.getMissed()).isEqualTo(12);
        assertThat(lines.getRatio()).isCloseTo(26.0 / 38, within(1e-12));

        CoverageSummary instructions = CoverageReports.parse(report, CoverageCounter.INSTRUCTION);
        assertThat(instructions.getCovered()).isEqualTo(96);
        assertThat(instructions.getMissed()).isEqualTo(65);
        CoverageSummary branches = CoverageReports.parse(report, CoverageCounter.BRANCH);
        assertThat(branches.getCovered()).isEqualTo(1);
        assertThat(branches.getMissed()).isEqualTo(3);
    }

    @Test
    void theCorpusCoberturaReportIsCountedFromItsClassLines() throws IOException {
        byte[] report = Files.readAllBytes(corpus().resolve("cobertura-2.1.1.xml"));

        CoverageSummary lines = CoverageReports.parse(report, CoverageCounter.LINE);
        assertThat(lines.getFormat()).isEqualTo("cobertura");
        assertThat(lines.getCovered()).isEqualTo(24);
        assertThat(lines.getMissed()).isEqualTo(12);
        assertThat(lines.getRatio()).isCloseTo(24.0 / 36, within(1e-12));

        CoverageSummary branches = CoverageReports.parse(report, CoverageCounter.BRANCH);
        assertThat(branches.getCounter()).isEqualTo("BRANCH");
        assertThat(branches.getCovered()).isEqualTo(1);
        assertThat(branches.getMissed()).isEqualTo(3);
        assertThat(branches.getRatio()).isEqualTo(0.25);

        CoverageSummary instructions = CoverageReports.parse(report, CoverageCounter.INSTRUCTION);
        assertThat(instructions.getCounter()).as("Cobertura measures no instructions; its lines are measured").isEqualTo("LINE");
    }

    @Test
    void jacocoSumsThePackageCountersOfEveryPackageAndGroupAndIgnoresClassAndMethodCounters() {
        CoverageSummary summary = jacoco(JACOCO_DOCTYPE + """
                <report name="multi-module">
                  <group name="api">
                    <package name="a">
                      <class name="a/A"><method name="m"><counter type="LINE" missed="100" covered="100"/></method>
                        <counter type="LINE" missed="50" covered="50"/></class>
                      <counter type="LINE" missed="2" covered="8"/>
                      <counter type="BRANCH" missed="1" covered="1"/>
                    </package>
                    <counter type="LINE" missed="2" covered="8"/>
                  </group>
                  <package name="b"><counter type="LINE" missed="3" covered="27"/></package>
                  <package name="c"><counter type="LINE" missed="5" covered="0"/></package>
                  <counter type="LINE" missed="10" covered="35"/>
                </report>""", CoverageCounter.LINE);

        assertThat(summary.getCovered()).isEqualTo(35);
        assertThat(summary.getMissed()).isEqualTo(10);
        assertThat(summary.getRatio()).isCloseTo(35.0 / 45, within(1e-12));
    }

    @Test
    void aReportThatMeasuredNothingHasNoRatioNeverZero() {
        CoverageSummary cobertura = cobertura("""
                <coverage line-rate="NaN" branch-rate="NaN" lines-covered="0" lines-valid="0">
                  <packages><package name="p" line-rate="NaN"><classes>
                    <class name="p.Empty" filename="p/Empty.java" line-rate="NaN"><methods/><lines/></class>
                  </classes></package></packages>
                </coverage>""", CoverageCounter.LINE);
        assertThat(cobertura.getRatio()).isNull();
        assertThat(cobertura.getCovered()).isZero();

        CoverageSummary nanDespiteLines = cobertura("""
                <coverage line-rate="nan"><packages><package name="p"><classes><class name="C">
                  <lines><line number="1" hits="3"/></lines>
                </class></classes></package></packages></coverage>""", CoverageCounter.LINE);
        assertThat(nanDespiteLines.getRatio()).as("NaN says the report was not evaluated").isNull();

        CoverageSummary emptyJacoco = jacoco(JACOCO_DOCTYPE + "<report name=\"empty\"/>", CoverageCounter.LINE);
        assertThat(emptyJacoco.getRatio()).isNull();
        assertThat(emptyJacoco.getMissed()).isZero();
    }

    @Test
    void coberturaCountsOnlyClassLinesNotTheirRepetitionUnderMethods() {
        CoverageSummary summary = cobertura("""
                <coverage line-rate="0.5"><packages><package name="p"><classes><class name="C">
                  <methods><method name="m"><lines><line number="1" hits="0"/><line number="2" hits="0"/></lines></method></methods>
                  <lines><line number="1" hits="0"/><line number="2" hits="7"/></lines>
                </class></classes></package></packages></coverage>""", CoverageCounter.LINE);

        assertThat(summary.getCovered()).isEqualTo(1);
        assertThat(summary.getMissed()).isEqualTo(1);
        assertThat(summary.getRatio()).isEqualTo(0.5);
    }

    @Test
    void negativeOrNonNumericCountersRefuseTheReport() {
        assertRefused(JACOCO_DOCTYPE + "<report name=\"r\"><package name=\"p\"><counter type=\"LINE\" missed=\"-5\" covered=\"10\"/></package></report>",
                "has the negative missed=\"-5\"");
        assertRefused(JACOCO_DOCTYPE + "<report name=\"r\"><package name=\"p\"><counter type=\"LINE\" missed=\"NaN\" covered=\"10\"/></package></report>",
                "has missed=\"NaN\", which is not a count");
        assertRefused("<report><package name=\"p\"><class name=\"C\"><counter type=\"BRANCH\" missed=\"1\"/></class></package></report>",
                "has no covered");
        assertRefused("<coverage><packages><package><classes><class name=\"C\"><lines><line number=\"1\" hits=\"-1\"/></lines></class></classes></package></packages></coverage>",
                "has the negative hits=\"-1\"");
        assertRefused("<coverage><packages><package><classes><class name=\"C\"><lines><line number=\"1\" hits=\"1\" branch=\"true\" "
                + "condition-coverage=\"150% (3/2)\"/></lines></class></classes></package></packages></coverage>", "covers more conditions than it has",
                CoverageCounter.BRANCH);
        assertRefused("<report><package name=\"p\"><counter type=\"LINE\" missed=\"9223372036854775807\" covered=\"1\"/></package></report>",
                "add up to more than");
    }

    @Test
    void anythingElseIsRefusedSayingWhatWasExpected() {
        assertRefused("<testsuites/>", "the root element is <testsuites>; a JaCoCo report has <report> and a Cobertura report <coverage>");
        assertRefused(JACOCO_DOCTYPE + "<report name=\"r\"><package name=\"p\">", "not well-formed XML");
        assertRefused("line-rate=0.9", "not well-formed XML");
    }

    @Test
    void hostileReportsAreRefusedAndNothingOfTheLocalFileAppears() {
        HostileXml hostile = HostileXml.withLocalFileIn(folder);

        assertThatThrownBy(() -> CoverageReports.parse(hostile.externalEntity("report"), CoverageCounter.LINE))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("DTD internal subset").hasMessageNotContaining(hostile.marker());
        assertThatThrownBy(() -> CoverageReports.parse(hostile.externalParameterEntity("coverage"), CoverageCounter.LINE))
                .isInstanceOf(RejectedPayload.class).hasMessageNotContaining(hostile.marker());
        assertThatThrownBy(() -> CoverageReports.parse(HostileXml.entityExpansion("coverage"), CoverageCounter.LINE))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("DTD internal subset");
        CoverageSummary withLocalDtd = CoverageReports.parse(hostile.externalDtd("report",
                "<report name=\"r\"><package name=\"p\"><counter type=\"LINE\" missed=\"1\" covered=\"3\"/></package></report>"), CoverageCounter.LINE);
        assertThat(withLocalDtd.getRatio()).isEqualTo(0.75);
        assertThat(withLocalDtd.toString()).doesNotContain(hostile.marker());
    }

    private static CoverageSummary jacoco(String report, CoverageCounter counter) {
        CoverageSummary summary = CoverageReports.parse(report.getBytes(StandardCharsets.UTF_8), counter);
        assertThat(summary.getFormat()).isEqualTo("jacoco");
        return summary;
    }

    private static CoverageSummary cobertura(String report, CoverageCounter counter) {
        CoverageSummary summary = CoverageReports.parse(("<?xml version=\"1.0\"?><!DOCTYPE coverage SYSTEM "
                + "\"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">" + report).getBytes(StandardCharsets.UTF_8), counter);
        assertThat(summary.getFormat()).isEqualTo("cobertura");
        return summary;
    }

    private static void assertRefused(String report, String context) {
        assertRefused(report, context, CoverageCounter.LINE);
    }

    private static void assertRefused(String report, String context, CoverageCounter counter) {
        assertThatThrownBy(() -> CoverageReports.parse(report.getBytes(StandardCharsets.UTF_8), counter)).as(report)
                .isInstanceOf(RejectedPayload.class)
                .satisfies(refused -> {
                    assertThat(((RejectedPayload) refused).report().failed()).isEqualTo("coverage payload");
                    assertThat(((RejectedPayload) refused).report().context()).contains(context);
                });
    }

    private static Path corpus() {
        Optional<Path> folder = Corpus.folder("coverage");
        assumeTrue(folder.isPresent(), () -> Corpus.absent("coverage"));
        return folder.get();
    }
}
