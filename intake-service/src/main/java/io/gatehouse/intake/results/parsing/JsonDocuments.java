package io.gatehouse.intake.results.parsing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.IOException;

/**
 * JSON and YAML documents as pipelines send them: unknown fields are ignored, so newer tools are accepted; a key that
 * appears twice in one object or anything after the document is refused, since nobody can say which value was meant.
 */
public final class JsonDocuments {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    // SnakeYAML's defaults refuse documents over 3 MB; aliases are refused before a tree is built (yamlWithoutEcho).
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonDocuments() {
    }

    /**
     * The body as a JSON tree.
     *
     * @param what how refusals call the expected document, e.g. "a deployment rehearsal JSON object"
     * @throws RejectedPayload when the body is empty or not JSON, saying where it broke and why
     */
    public static JsonNode json(byte[] body, String kind, String what, String resolution) {
        requireBody(body, kind, resolution);
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RejectedPayload.invalid(kind, "the body is not " + what + ": " + e.getOriginalMessage() + at(e.getLocation()), resolution, e);
        } catch (IOException e) {
            throw RejectedPayload.invalid(kind, "the body cannot be read: " + e.getMessage(), "send the body again", e);
        }
    }

    /**
     * The body read into {@code type}; fields the type does not declare are skipped without being kept.
     *
     * @throws RejectedPayload when the body is empty, not JSON, or a field has the wrong type, saying which field
     */
    public static <T> T bind(byte[] body, Class<T> type, String kind, String what, String resolution) {
        requireBody(body, kind, resolution);
        try {
            return JSON.readValue(body, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "" : " at " + pathOf(e);
            throw RejectedPayload.invalid(kind, "the body is not " + what + field + ": " + e.getOriginalMessage() + at(e.getLocation()), resolution, e);
        } catch (JsonProcessingException e) {
            throw RejectedPayload.invalid(kind, "the body is not " + what + ": " + e.getOriginalMessage() + at(e.getLocation()), resolution, e);
        } catch (IOException e) {
            throw RejectedPayload.invalid(kind, "the body cannot be read: " + e.getMessage(), "send the body again", e);
        }
    }

    /**
     * The body as a JSON tree, refused without quoting any of it: for documents that may hold secrets, where a
     * parser's message ("Unrecognized token 'hunter2'") would repeat what it could not read.
     */
    public static JsonNode jsonWithoutEcho(byte[] body, String kind, String resolution) {
        return treeWithoutEcho(JSON, "JSON", body, kind, resolution);
    }

    /**
     * As {@link #jsonWithoutEcho}, for YAML. A document with an alias is refused: Jackson would read {@code *name} as the
     * text "name" instead of the value it stands for, and a snapshot must not record a value nobody wrote.
     */
    public static JsonNode yamlWithoutEcho(byte[] body, String kind, String resolution) {
        requireBody(body, kind, resolution);
        try (YAMLParser parser = (YAMLParser) YAML.createParser(body)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    throw RejectedPayload.invalid(kind, "the body uses a YAML alias" + at(parser.currentTokenLocation())
                            + "; Gatehouse reads no anchors and aliases", "write each value out, " + resolution);
                }
            }
        } catch (JsonProcessingException e) {
            throw RejectedPayload.invalid(kind, "the body is not valid YAML" + at(e.getLocation())
                    + " (the parser's message is withheld, as it may quote a secret)", resolution);
        } catch (IOException e) {
            throw RejectedPayload.invalid(kind, "the body cannot be read", "send the body again");
        }
        return treeWithoutEcho(YAML, "YAML", body, kind, resolution);
    }

    private static JsonNode treeWithoutEcho(ObjectMapper mapper, String language, byte[] body, String kind, String resolution) {
        requireBody(body, kind, resolution);
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw RejectedPayload.invalid(kind, "the body holds no " + language + " document", resolution);
            }
            return tree;
        } catch (JsonProcessingException e) {
            // Neither the message nor the cause is kept: both can quote the document.
            throw RejectedPayload.invalid(kind, "the body is not valid " + language + at(e.getLocation())
                    + " (the parser's message is withheld, as it may quote a secret)", resolution);
        } catch (IOException e) {
            throw RejectedPayload.invalid(kind, "the body cannot be read", "send the body again");
        }
    }

    private static void requireBody(byte[] body, String kind, String resolution) {
        if (body == null || body.length == 0) {
            throw RejectedPayload.invalid(kind, "the body is empty", resolution);
        }
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
