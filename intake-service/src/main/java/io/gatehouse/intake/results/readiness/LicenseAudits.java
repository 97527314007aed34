package io.gatehouse.intake.results.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.AuditStatus;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.Fields;
import io.gatehouse.intake.results.parsing.JsonDocuments;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a license audit, {@code {"status": "PASSED|FAILED", "findings": [...]}}. License tools describe a finding in
 * their own shape, so a finding may be a sentence or any JSON object; an object is kept as its compact JSON text.
 */
public final class LicenseAudits {

    public static final String KIND = "license-audit";
    private static final String RESOLUTION = "send {\"status\": \"PASSED|FAILED\", \"findings\": [\"<finding>\" or {...}, ...]}";
    private static final Fields FIELDS = new Fields(KIND, RESOLUTION);

    private LicenseAudits() {
    }

    /** @throws RejectedPayload when the body is not a license audit, naming the first wrong field */
    public static LicenseAudit parse(byte[] body) {
        JsonNode audit = FIELDS.object(JsonDocuments.json(body, KIND, "a JSON object", RESOLUTION), "");
        JsonNode findings = FIELDS.array(audit, "findings", "");
        List<String> read = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            JsonNode finding = findings.get(i);
            if (finding.isTextual() && !finding.textValue().isBlank()) {
                read.add(finding.textValue());
            } else if (finding.isObject()) {
                read.add(finding.toString());
            } else {
                throw FIELDS.invalid("findings[" + i + "] must be a sentence or a JSON object");
            }
        }
        return LicenseAudit.newBuilder().setStatus(FIELDS.oneOf(audit, "status", "", AuditStatus.class)).setFindings(read).build();
    }
}
