package io.gatehouse.messaging.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationSenderTest {

    @Test
    void theWaitBeforeTheNextAttemptDoublesUpToAMinute() {
        assertThat(NotificationSender.pauseAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(NotificationSender.pauseAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(NotificationSender.pauseAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(NotificationSender.pauseAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(NotificationSender.pauseAfter(40)).isEqualTo(Duration.ofSeconds(60));
    }
}
