package io.gatehouse.intake.results.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.ConfigCategory;
import io.gatehouse.events.ConfigEntry;
import io.gatehouse.events.ConfigSnapshot;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.Fields;
import io.gatehouse.intake.results.parsing.JsonDocuments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a configuration snapshot, {@code {"environment", "entries": [{"key", "value", "category"}]}}, as JSON (a body
 * that starts with '{') or else as YAML. Categories are {@code infrastructure}, {@code configuration},
 * {@code feature-flag} and {@code secret}; a secret's value must be {@code sha256:<64 hex digits>}.
 *
 * <p>Nothing a refusal says quotes a value: a snapshot is where a pipeline could leak a secret by mistake, so a
 * refused value is named by its key only, and a document that does not parse is refused by position only.
 */
public final class ConfigSnapshots {

    public static final String KIND = "config-snapshot";
    public static final String JSON = "json";
    public static final String YAML = "yaml";
    private static final Pattern SECRET_DIGEST = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    private static final String RESOLUTION = "send {\"environment\": ..., \"entries\": [{\"key\": ..., \"value\": ..., \"category\": "
            + "\"infrastructure|configuration|feature-flag|secret\"}]} as JSON or YAML, each secret as sha256:<hex digest of its value>";
    private static final Fields FIELDS = Fields.withoutQuotingValues(KIND, RESOLUTION);

    /** A snapshot and the language it was written in ({@value #JSON} or {@value #YAML}). */
    public record ParsedSnapshot(ConfigSnapshot snapshot, String format) {
    }

    private ConfigSnapshots() {
    }

    /**
     * @param environment the environment the pipeline posted the snapshot for; the body must name the same
     * @throws RejectedPayload when the body is not a valid snapshot of {@code environment}, quoting none of its values
     */
    public static ParsedSnapshot parse(byte[] body, String environment) {
        boolean json = startsLikeJson(body);
        JsonNode root = FIELDS.object(json ? JsonDocuments.jsonWithoutEcho(body, KIND, RESOLUTION)
                : JsonDocuments.yamlWithoutEcho(body, KIND, RESOLUTION), "");
        String named = FIELDS.text(root, "environment", "");
        if (!named.equals(environment)) {
            throw FIELDS.invalid("the snapshot is of environment " + Fields.quoted(named) + " but was sent for " + Fields.quoted(environment));
        }
        JsonNode entries = FIELDS.array(root, "entries", "");
        List<ConfigEntry> read = new ArrayList<>(entries.size());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "entries[" + i + "]";
            JsonNode entry = FIELDS.object(entries.get(i), path);
            String key = FIELDS.text(entry, "key", path);
            String where = path + " (key " + Fields.quoted(key) + ")";
            if (!keys.add(key)) {
                throw FIELDS.invalid(where + " repeats a key; each key may appear once");
            }
            ConfigCategory category = categoryOf(entry, where);
            String value = valueOf(entry, where, category);
            read.add(ConfigEntry.newBuilder().setKey(key).setValue(value).setCategory(category).build());
        }
        read.sort(Comparator.comparing(ConfigEntry::getKey));
        return new ParsedSnapshot(ConfigSnapshot.newBuilder().setEnvironment(named).setEntries(read).build(), json ? JSON : YAML);
    }

    private static ConfigCategory categoryOf(JsonNode entry, String where) {
        JsonNode category = entry.get("category");
        if (category == null || !category.isTextual()) {
            throw FIELDS.invalid(where + " has no category; it must be infrastructure, configuration, feature-flag or secret");
        }
        switch (category.textValue()) {
            case "infrastructure":
                return ConfigCategory.INFRASTRUCTURE;
            case "configuration":
                return ConfigCategory.CONFIGURATION;
            case "feature-flag":
                return ConfigCategory.FEATURE_FLAG;
            case "secret":
                return ConfigCategory.SECRET;
            default:
                throw FIELDS.invalid(where + " has category " + Fields.quoted(category.textValue())
                        + "; it must be infrastructure, configuration, feature-flag or secret");
        }
    }

    /** The value as text; a number or boolean as written. Never quoted in a refusal. */
    private static String valueOf(JsonNode entry, String where, ConfigCategory category) {
        JsonNode value = entry.get("value");
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw FIELDS.invalid(where + " has no value; it must be a string, a number or a boolean");
        }
        if (category == ConfigCategory.SECRET) {
            if (!value.isTextual() || !SECRET_DIGEST.matcher(value.textValue()).matches()) {
                throw FIELDS.invalid(where + " is a secret whose value is not a sha256:<64 hex digits> digest; the value was "
                        + "neither stored nor published. Send the SHA-256 of the secret, never the secret itself");
            }
            return value.textValue().toLowerCase(Locale.ROOT);
        }
        return value.asText();
    }

    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body == null ? new byte[0] : body) {
            if (b == '{') {
                return true;
            }
            // Whitespace and a UTF-8 byte order mark may come first.
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }
}
