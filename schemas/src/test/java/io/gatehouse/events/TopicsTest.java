package io.gatehouse.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.topics.GatehouseTopics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicTheCodeNamesIsDeclaredWithItsConfigurationAndEveryDeclaredOneHasAName() {
        List<String> named = Arrays.stream(Topics.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(TopicsTest::valueOf)
                .toList();

        assertThat(named).contains(Topics.LEDGER, Topics.ALERTS_INBOUND_DLQ);
        assertThat(named).containsExactlyInAnyOrderElementsOf(GatehouseTopics.names());
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field + " is not readable", e);
        }
    }
}
