package io.gatehouse.intake.results.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.DataRefresh;
import io.gatehouse.events.Dataset;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.Fields;
import io.gatehouse.intake.results.parsing.JsonDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the staging data refresh before a rehearsal,
 * {@code {"refreshedAt", "datasets": [{"name", "rows", "source"}], "featureFlags": {"<name>": true|false}}};
 * {@code featureFlags} may be left out.
 */
public final class DataRefreshes {

    public static final String KIND = "data-refresh";
    private static final String RESOLUTION = "send {\"refreshedAt\": \"<ISO-8601 time>\", \"datasets\": [{\"name\", \"rows\", \"source\"}], "
            + "\"featureFlags\": {\"<name>\": true|false}}";
    private static final Fields FIELDS = new Fields(KIND, RESOLUTION);

    private DataRefreshes() {
    }

    /** @throws RejectedPayload when the body is not a data refresh, naming the first wrong field */
    public static DataRefresh parse(byte[] body) {
        JsonNode refresh = FIELDS.object(JsonDocuments.json(body, KIND, "a JSON object", RESOLUTION), "");
        JsonNode datasets = FIELDS.array(refresh, "datasets", "");
        List<Dataset> read = new ArrayList<>(datasets.size());
        for (int i = 0; i < datasets.size(); i++) {
            String path = "datasets[" + i + "]";
            JsonNode dataset = FIELDS.object(datasets.get(i), path);
            read.add(Dataset.newBuilder().setName(FIELDS.text(dataset, "name", path)).setRows(FIELDS.nonNegativeLong(dataset, "rows", path))
                    .setSource(FIELDS.text(dataset, "source", path)).build());
        }
        Map<String, Boolean> flags = new TreeMap<>();
        FIELDS.optionalObject(refresh, "featureFlags", "").ifPresent(given -> given.fields().forEachRemaining(
                flag -> flags.put(flag.getKey(), FIELDS.bool(flag.getValue(), "featureFlags." + flag.getKey()))));
        return DataRefresh.newBuilder().setRefreshedAt(FIELDS.time(refresh, "refreshedAt", "")).setDatasets(read).setFeatureFlags(flags).build();
    }
}
