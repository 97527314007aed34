package io.gatehouse.incident;

import static io.restassured.RestAssured.given;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.infra.auth.DevTokensResource;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Telling published events apart, and calling the API as a person with a role. */
public final class TestEvents {

    private TestEvents() {
    }

    /** Whether the record's CloudEvents type is the event class's. */
    public static boolean is(ConsumerRecord<String, byte[]> record, Class<?> type) {
        return type.getName().equals(CloudEvent.readFrom(record.headers()).type());
    }

    /** A JSON request carrying a development token for {@code person} with {@code role}. */
    public static RequestSpecification as(String person, String role) {
        return given().contentType("application/json").header("Authorization", "Bearer " + DevTokensResource.token(person, role));
    }
}
