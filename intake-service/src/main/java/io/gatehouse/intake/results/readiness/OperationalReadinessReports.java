package io.gatehouse.intake.results.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.OperationalReadiness;
import io.gatehouse.events.Runbook;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.Fields;
import io.gatehouse.intake.results.parsing.JsonDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the operational readiness, {@code {"runbooks": [{"name", "updatedAt"}], "onCall": {"primary", "backup"}}}. */
public final class OperationalReadinessReports {

    public static final String KIND = "operational-readiness";
    private static final String RESOLUTION = "send {\"runbooks\": [{\"name\", \"updatedAt\": \"<ISO-8601 time>\"}], "
            + "\"onCall\": {\"primary\", \"backup\"}}";
    private static final Fields FIELDS = new Fields(KIND, RESOLUTION);

    private OperationalReadinessReports() {
    }

    /** @throws RejectedPayload when the body is not an operational readiness report, naming the first wrong field */
    public static OperationalReadiness parse(byte[] body) {
        JsonNode readiness = FIELDS.object(JsonDocuments.json(body, KIND, "a JSON object", RESOLUTION), "");
        JsonNode runbooks = FIELDS.array(readiness, "runbooks", "");
        List<Runbook> read = new ArrayList<>(runbooks.size());
        for (int i = 0; i < runbooks.size(); i++) {
            String path = "runbooks[" + i + "]";
            JsonNode runbook = FIELDS.object(runbooks.get(i), path);
            read.add(Runbook.newBuilder().setName(FIELDS.text(runbook, "name", path)).setUpdatedAt(FIELDS.time(runbook, "updatedAt", path)).build());
        }
        Optional<JsonNode> onCall = FIELDS.optionalObject(readiness, "onCall", "");
        return OperationalReadiness.newBuilder().setRunbooks(read)
                .setOnCallPrimary(onCall.flatMap(people -> FIELDS.optionalText(people, "primary", "onCall")).orElse(null))
                .setOnCallBackup(onCall.flatMap(people -> FIELDS.optionalText(people, "backup", "onCall")).orElse(null))
                .build();
    }
}
