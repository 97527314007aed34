package io.gatehouse.intake.results.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * How long parsing the largest SARIF log of the corpus takes, and a log near the 16 MiB a result may have; printed,
 * not asserted, as a timing depends on the machine. What is asserted is that both parse to what they hold.
 */
class SarifParseTimeTest {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 50;
    private static final int LARGE_WARM_UP = 3;
    private static final int LARGE_MEASURED = 7;

    @Test
    void theLargestSarifLogOfTheCorpusAndOneOfNearly16MiBAreParsedAndTheirTimesPrinted() throws IOException {
        Path largest = SarifScansTest.corpusFiles().stream().max(Comparator.comparingLong(SarifParseTimeTest::size)).orElseThrow();
        byte[] corpusLog = Files.readAllBytes(largest);
        double[] corpusMillis = measure(corpusLog, 72, WARM_UP, MEASURED);
        System.out.printf("SARIF parse time, %s (%d bytes): median %.2f ms, min %.2f ms, max %.2f ms over %d runs after %d warm-up runs%n",
                largest.getFileName(), corpusLog.length, median(corpusMillis), corpusMillis[0], corpusMillis[corpusMillis.length - 1], MEASURED, WARM_UP);

        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(corpusLog);
        ArrayNode results = (ArrayNode) tree.get("runs").get(0).get("results");
        ArrayNode original = results.deepCopy();
        int copies = 1;
        while (json.writeValueAsBytes(tree).length < 15 * 1024 * 1024) {
            results.addAll(original);
            copies++;
        }
        byte[] largeLog = json.writeValueAsBytes(tree);
        double[] largeMillis = measure(largeLog, 72 * copies, LARGE_WARM_UP, LARGE_MEASURED);
        System.out.printf("SARIF parse time, the same log with its results %d times (%d bytes): median %.1f ms, min %.1f ms, max %.1f ms over %d runs after %d warm-up runs%n",
                copies, largeLog.length, median(largeMillis), largeMillis[0], largeMillis[largeMillis.length - 1], LARGE_MEASURED, LARGE_WARM_UP);
    }

    private static double[] measure(byte[] log, int findings, int warmUp, int measured) {
        for (int i = 0; i < warmUp; i++) {
            assertThat(SarifScans.parse(log).summary().getFindings()).isEqualTo(findings);
        }
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            int parsed = SarifScans.parse(log).summary().getFindings();
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(parsed).isEqualTo(findings);
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
