package io.gatehouse.audit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.infra.kafka.KafkaBrokerProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {

    @TempDir
    Path dir;

    @Test
    void theBenchTimesAllThreeCommandsOnASyntheticLogTheyFindClean() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir.resolve("kafka"))) {

            Bench.Result result = Bench.run(broker.bootstrapServers(), 500, dir.resolve("bench"), new PrintStream(console, true, StandardCharsets.UTF_8));

            assertThat(result.clean()).as(console.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(result.eventsReplayed()).isEqualTo(500);
            // 500 domain events, a sequencing record each, 3 checkpoints (at both seals and at the end), 2 seals of 2 events each.
            assertThat(result.recordsReplayed()).isEqualTo(500 + 500 + 3 + 4);
            assertThat(result.proofsBytes()).isPositive();
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("replay:        500 domain events").contains("verify:        500 live entries")
                    .contains("verify-bundle: INCIDENT-EVIDENCE-BUNDLE.zip");
        }
    }
}
