package io.gatehouse.intake.results.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.Fields;
import io.gatehouse.intake.results.parsing.JsonDocuments;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one upstream artifact, {@code {"name", "sha256", "sizeBytes", "uri"}}, e.g. QUALITY-AUDIT-PACKAGE.zip. A newer
 * report of the same name supersedes this one.
 */
public final class UpstreamArtifacts {

    public static final String KIND = "upstream-artifact";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String RESOLUTION = "send {\"name\", \"sha256\": \"<64 hex digits>\", \"sizeBytes\", \"uri\"} for each artifact";
    private static final Fields FIELDS = new Fields(KIND, RESOLUTION);

    private UpstreamArtifacts() {
    }

    /** @throws RejectedPayload when the body is not an upstream artifact, naming the first wrong field */
    public static UpstreamArtifact parse(byte[] body) {
        JsonNode artifact = FIELDS.object(JsonDocuments.json(body, KIND, "a JSON object", RESOLUTION), "");
        String name = FIELDS.text(artifact, "name", "");
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw FIELDS.invalid("name holds control characters");
        }
        String sha256 = FIELDS.text(artifact, "sha256", "");
        if (!SHA256.matcher(sha256).matches()) {
            throw FIELDS.invalid("sha256 must be 64 hex digits; it is " + Fields.quoted(sha256));
        }
        return UpstreamArtifact.newBuilder().setName(name).setSha256(sha256.toLowerCase(Locale.ROOT))
                .setSizeBytes(FIELDS.nonNegativeLong(artifact, "sizeBytes", "")).setUri(FIELDS.text(artifact, "uri", "")).build();
    }
}
