package io.gatehouse.messaging.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A notification's labels as a JSON object in a text column. Converted here rather than mapped as a JSON column, which
 * would make every service that depends on this module configure Hibernate's JSON format, whether it notifies or not.
 */
@Converter
class Labels implements AttributeConverter<Map<String, String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        try {
            return JSON.readValue(column, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification labels are not a JSON object of strings: " + column, e);
        }
    }
}
