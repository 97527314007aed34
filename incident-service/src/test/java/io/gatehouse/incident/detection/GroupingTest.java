package io.gatehouse.incident.detection;

import static io.gatehouse.incident.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.AlertStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupingTest {

    @Test
    void alertsOfOneServiceAndAlertNameShareAGroupWhateverElseDiffers() {
        String storm = IncidentDetector.groupingKeyOf(alert("CheckoutHighErrorRate", "pod-1", AlertStatus.FIRING, Map.of("instance", "pod-1")));

        assertThat(IncidentDetector.groupingKeyOf(alert("CheckoutHighErrorRate", "pod-2", AlertStatus.FIRING, Map.of("instance", "pod-2", "region", "us"))))
                .isEqualTo(storm).isEqualTo("checkout:CheckoutHighErrorRate");
        assertThat(IncidentDetector.groupingKeyOf(alert("CheckoutLatency", "pod-1", AlertStatus.FIRING, Map.of()))).isNotEqualTo(storm);
        assertThat(IncidentDetector.groupingKeyOf(alert("CheckoutHighErrorRate", "x", AlertStatus.FIRING, Map.of(), "payments"))).isNotEqualTo(storm);
    }

    @Test
    void anAlertNamingNoServiceIsGroupedUnderUnknown() {
        assertThat(IncidentDetector.groupingKeyOf(alert("DiskFull", "d1", AlertStatus.FIRING, Map.of(), null))).isEqualTo("unknown:DiskFull");
    }
}
