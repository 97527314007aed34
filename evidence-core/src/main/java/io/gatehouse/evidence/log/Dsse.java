package io.gatehouse.evidence.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A DSSE envelope (github.com/secure-systems-lab/dsse, protocol v1) with one Ed25519 signature over the
 * pre-authentication encoding {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}. The envelope's JSON is
 * written with fixed field order and no white space, so the same payload and key give the same bytes.
 */
public final class Dsse {

    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dsse() {
    }

    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        String header = "DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] pae = new byte[head.length + payload.length];
        System.arraycopy(head, 0, pae, 0, head.length);
        System.arraycopy(payload, 0, pae, head.length, payload.length);
        return pae;
    }

    /** The base64 Ed25519 signature of the payload's PAE. */
    public static String signature(String payloadType, byte[] payload, NoteKey key) {
        return Base64.getEncoder().encodeToString(key.sign(pae(payloadType, payload)));
    }

    /** The envelope holding {@code payload} and a signature made by {@code key} (the key id is its verifier key). */
    public static byte[] envelope(String payloadType, byte[] payload, NoteKey key, String signature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("payload", Base64.getEncoder().encodeToString(payload));
            json.writeStringField("payloadType", payloadType);
            json.writeArrayFieldStart("signatures");
            json.writeStartObject();
            json.writeStringField("keyid", key.verifierKey());
            json.writeStringField("sig", signature);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The payload of an envelope that {@code key} signed; empty when it is not an envelope or no signature by the key verifies. */
    public static Optional<byte[]> open(byte[] envelope, NoteKey key) {
        try {
            JsonNode root = JSON.readTree(envelope);
            byte[] payload = Base64.getDecoder().decode(root.path("payload").asText());
            String type = root.path("payloadType").asText();
            for (JsonNode signature : root.path("signatures")) {
                byte[] sig = Base64.getDecoder().decode(signature.path("sig").asText());
                if (key.verify(pae(type, payload), sig)) {
                    return Optional.of(payload);
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
