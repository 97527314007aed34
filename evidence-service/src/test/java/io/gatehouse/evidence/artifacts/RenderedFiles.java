package io.gatehouse.evidence.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a rendered evidence file the way a consumer would. */
final class RenderedFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderedFiles() {
    }

    static JsonNode json(IncidentEvidence evidence, String name) {
        return json(evidence.file(name).orElseThrow(() -> new AssertionError("no " + name + " in the evidence")).bytes());
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }

    static String text(IncidentEvidence evidence, String name) {
        return new String(evidence.file(name).orElseThrow(() -> new AssertionError("no " + name + " in the evidence")).bytes(),
                StandardCharsets.UTF_8);
    }
}
