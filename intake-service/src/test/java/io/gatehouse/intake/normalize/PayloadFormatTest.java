package io.gatehouse.intake.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class PayloadFormatTest {

    @Test
    void theDeclaredFormatWins() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(PayloadFormat.HEADER, "alertmanager".getBytes(StandardCharsets.UTF_8));

        assertThat(PayloadFormat.of(headers, "anything".getBytes(StandardCharsets.UTF_8))).isEqualTo(PayloadFormat.ALERTMANAGER);
    }

    @Test
    void withoutAHeaderAnAlertmanagerWebhookIsRecognisedByItsBody() throws IOException {
        byte[] body = AlertmanagerNormalizerTest.fixture("alertmanager-checkout-firing.json");

        assertThat(PayloadFormat.of(new RecordHeaders(), body)).isEqualTo(PayloadFormat.ALERTMANAGER);
    }

    @Test
    void anUnknownDeclaredFormatIsRejectedNamingTheKnownOnes() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(PayloadFormat.HEADER, "nagios".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> PayloadFormat.of(headers, new byte[0]))
                .isInstanceOf(RejectedPayload.class)
                .hasMessageContaining("unknown format \"nagios\"")
                .hasMessageContaining("alertmanager");
    }

    @Test
    void aBodyOfNoKnownFormatIsRejected() {
        assertThatThrownBy(() -> PayloadFormat.of(new RecordHeaders(), "{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("matches no known alert format");
        assertThatThrownBy(() -> PayloadFormat.of(new RecordHeaders(), new byte[] {(byte) 0xC3, 0x01, 0x7F}))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("is not JSON");
    }
}
