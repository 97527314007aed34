package io.gatehouse.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FootprintTest {

    @Test
    void residentMemoryIsReadFromVmRssInKibibytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 4000000 kB", "VmRSS:\t  262144 kB", "RssAnon:\t  200000 kB");

        assertThat(MemorySampler.parseVmRssMiB(status)).contains(256.0);
    }

    @Test
    void aStatusWithoutVmRssHasNoMemory() {
        // A zombie's status has no VmRSS line.
        assertThat(MemorySampler.parseVmRssMiB(List.of("Name:\tjava", "State:\tZ (zombie)"))).isEmpty();
    }

    @Test
    void thisProcessHasResidentMemory() {
        assertThat(MemorySampler.rssMiB(ProcessHandle.current().pid())).hasValueSatisfying(mib -> assertThat(mib).isPositive());
    }

    @Test
    void theLauncherGivesEachServiceAsNamePidAndStartSeconds() {
        assertThat(ServiceProcess.parse("incident-service=4242:3.75")).isEqualTo(new ServiceProcess("incident-service", 4242, 3.75));
        assertThatThrownBy(() -> ServiceProcess.parse("incident-service:4242")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceProcess.parse("incident-service=pid:3")).isInstanceOf(IllegalArgumentException.class);
    }
}
