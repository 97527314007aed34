package io.gatehouse.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayTest {

    @Test
    void aSubjectIdIsWrittenAsOneDirectoryThatStaysInsideTheStore() {
        assertThat(Replay.directoryName("2026.11.20-1")).isEqualTo("2026.11.20-1");
        assertThat(Replay.directoryName("inc-42_b")).isEqualTo("inc-42_b");
        assertThat(Replay.directoryName("../etc/passwd")).isEqualTo("%2E.%2Fetc%2Fpasswd");
        assertThat(Replay.directoryName("..")).isEqualTo("%2E.");
        assertThat(Replay.directoryName("checkout/HighErrorRate")).isEqualTo("checkout%2FHighErrorRate");
        assertThat(Replay.directoryName("café")).isEqualTo("caf%C3%A9");
        assertThat(Replay.directoryName("")).isEqualTo("%");
    }
}
