package io.gatehouse.intake.results.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Typed access to the fields of a JSON result, refusing the document at the first field that is missing or of the
 * wrong type, with the field's path (e.g. {@code steps[2].status}) and what it should be.
 */
public final class Fields {

    private static final int QUOTED_LENGTH = 80;

    private final String kind;
    private final String resolution;
    private final boolean quotesValues;

    /**
     * @param kind what the document is, as refusals name it, e.g. {@code deployment-rehearsal}
     * @param resolution what the sender should do when a field is refused
     */
    public Fields(String kind, String resolution) {
        this(kind, resolution, true);
    }

    private Fields(String kind, String resolution, boolean quotesValues) {
        this.kind = kind;
        this.resolution = resolution;
        this.quotesValues = quotesValues;
    }

    /** Fields whose refusals name the type of a wrong value but never quote it: for documents that may hold secrets. */
    public static Fields withoutQuotingValues(String kind, String resolution) {
        return new Fields(kind, resolution, false);
    }

    /** A refusal of this document for what {@code context} says. */
    public RejectedPayload invalid(String context) {
        return RejectedPayload.invalid(kind, context, resolution);
    }

    /** {@code node} itself, which must be a JSON object. */
    public JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid((path.isEmpty() ? "the body" : path) + " must be a JSON object" + found(node));
        }
        return node;
    }

    /** A required object member. */
    public JsonNode object(JsonNode parent, String name, String path) {
        return object(required(parent, name, path), join(path, name));
    }

    /** An object member that may be absent or null. */
    public Optional<JsonNode> optionalObject(JsonNode parent, String name, String path) {
        return present(parent, name).map(node -> object(node, join(path, name)));
    }

    /** A required array member. */
    public JsonNode array(JsonNode parent, String name, String path) {
        JsonNode node = required(parent, name, path);
        if (!node.isArray()) {
            throw invalid(join(path, name) + " must be a JSON array" + found(node));
        }
        return node;
    }

    /** A required string member that is not blank. */
    public String text(JsonNode parent, String name, String path) {
        return text(required(parent, name, path), join(path, name));
    }

    /** An optional string member; absent or null is empty, any other type is refused. */
    public Optional<String> optionalText(JsonNode parent, String name, String path) {
        return present(parent, name).map(node -> text(node, join(path, name)));
    }

    /** A required time: ISO-8601 with a zone offset or Z, to the millisecond. */
    public Instant time(JsonNode parent, String name, String path) {
        return time(text(parent, name, path), join(path, name));
    }

    /** An optional time. */
    public Optional<Instant> optionalTime(JsonNode parent, String name, String path) {
        return optionalText(parent, name, path).map(text -> time(text, join(path, name)));
    }

    /** A required whole number from 0 to {@link Integer#MAX_VALUE}. */
    public int count(JsonNode parent, String name, String path) {
        long value = nonNegativeLong(parent, name, path);
        if (value > Integer.MAX_VALUE) {
            throw invalid(join(path, name) + " must be at most " + Integer.MAX_VALUE + said(String.valueOf(value)));
        }
        return (int) value;
    }

    /** A required whole number of at least 0. */
    public long nonNegativeLong(JsonNode parent, String name, String path) {
        JsonNode node = required(parent, name, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid(join(path, name) + " must be a whole number" + found(node));
        }
        if (node.longValue() < 0) {
            throw invalid(join(path, name) + " must not be negative" + said(String.valueOf(node.longValue())));
        }
        return node.longValue();
    }

    /** {@code node} as a finite number. */
    public double finiteNumber(JsonNode node, String path) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw invalid(path + " must be a finite number" + found(node));
        }
        return node.doubleValue();
    }

    /** {@code node} as a boolean. */
    public boolean bool(JsonNode node, String path) {
        if (node == null || !node.isBoolean()) {
            throw invalid(path + " must be true or false" + found(node));
        }
        return node.booleanValue();
    }

    /** A required member naming one of {@code symbols} exactly as the enum declares it, e.g. SUCCEEDED. */
    public <E extends Enum<E>> E oneOf(JsonNode parent, String name, String path, Class<E> symbols) {
        String text = text(parent, name, path);
        return Arrays.stream(symbols.getEnumConstants()).filter(symbol -> symbol.name().equals(text)).findFirst()
                .orElseThrow(() -> invalid(join(path, name) + " must be one of "
                        + Arrays.stream(symbols.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + said(text)));
    }

    /** The path of a member of the object at {@code path}. */
    public static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** {@code text} in quotes, abbreviated, for a refusal that says what was found. */
    public static String quoted(String text) {
        return "\"" + (text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH) + "...") + "\"";
    }

    private String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw invalid(path + " must be a string" + found(node));
        }
        if (node.textValue().isBlank()) {
            throw invalid(path + " must not be blank");
        }
        return node.textValue();
    }

    private Instant time(String text, String path) {
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw invalid(path + " must be an ISO-8601 time with a zone offset, e.g. 2025-03-01T14:05:00Z" + said(text));
        }
    }

    private JsonNode required(JsonNode parent, String name, String path) {
        return present(parent, name).orElseThrow(() -> invalid(join(path, name) + " is missing"));
    }

    private static Optional<JsonNode> present(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    private String said(String text) {
        return quotesValues ? "; it is " + quoted(text) : "";
    }

    private String found(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        if (node.isObject()) {
            return "; it is an object";
        }
        if (node.isArray()) {
            return "; it is an array";
        }
        if (!quotesValues) {
            return "; it is " + (node.isNull() ? "null" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return "; it is " + (node.isTextual() ? quoted(node.textValue()) : node.asText());
    }
}
