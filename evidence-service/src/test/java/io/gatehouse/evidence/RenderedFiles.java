package io.gatehouse.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.evidence.artifacts.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a rendered evidence file the way a consumer would. */
public final class RenderedFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderedFiles() {
    }

    public static JsonNode json(Evidence evidence, String name) {
        return json(evidence.file(name).orElseThrow(() -> new AssertionError("no " + name + " in the evidence")).bytes());
    }

    public static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }

    public static String text(Evidence evidence, String name) {
        return new String(evidence.file(name).orElseThrow(() -> new AssertionError("no " + name + " in the evidence")).bytes(),
                StandardCharsets.UTF_8);
    }
}
