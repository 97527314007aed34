package io.gatehouse.intake.results.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.ConfigCategory;
import io.gatehouse.events.ConfigEntry;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigSnapshotsTest {

    private static final String DIGEST = "sha256:" + "ab12".repeat(16);
    private static final String PLAIN_SECRET = "hunter2-correct-horse-battery-staple";

    @Test
    void aJsonSnapshotIsReadWithItsEntriesSortedByKey() {
        ConfigSnapshots.ParsedSnapshot parsed = parse("""
                {"environment": "staging", "capturedBy": "deploy job 42", "entries": [
                  {"key": "replicas", "value": 3, "category": "infrastructure"},
                  {"key": "checkout.newFlow", "value": true, "category": "feature-flag"},
                  {"key": "db.password", "value": "%s", "category": "secret"},
                  {"key": "log.level", "value": "INFO", "category": "configuration"}
                ]}""".formatted(DIGEST.toUpperCase().replace("SHA256:", "sha256:")), "staging");

        assertThat(parsed.format()).isEqualTo("json");
        assertThat(parsed.snapshot().getEnvironment()).isEqualTo("staging");
        assertThat(parsed.snapshot().getEntries()).extracting(ConfigEntry::getKey, ConfigEntry::getValue, ConfigEntry::getCategory).containsExactly(
                org.assertj.core.groups.Tuple.tuple("checkout.newFlow", "true", ConfigCategory.FEATURE_FLAG),
                org.assertj.core.groups.Tuple.tuple("db.password", DIGEST, ConfigCategory.SECRET),
                org.assertj.core.groups.Tuple.tuple("log.level", "INFO", ConfigCategory.CONFIGURATION),
                org.assertj.core.groups.Tuple.tuple("replicas", "3", ConfigCategory.INFRASTRUCTURE));
    }

    @Test
    void aYamlSnapshotIsReadLikeItsJson() {
        ConfigSnapshots.ParsedSnapshot parsed = parse("""
                environment: production
                entries:
                  - key: replicas
                    value: 6
                    category: infrastructure
                  - key: api.token
                    value: %s
                    category: secret
                """.formatted(DIGEST), "production");

        assertThat(parsed.format()).isEqualTo("yaml");
        assertThat(parsed.snapshot().getEntries()).extracting(ConfigEntry::getKey).containsExactly("api.token", "replicas");
    }

    @Test
    void aPlainSecretIsRefusedAndItsValueAppearsNowhere() {
        for (String body : new String[] {
                "{\"environment\": \"staging\", \"entries\": [{\"key\": \"db.password\", \"value\": \"" + PLAIN_SECRET + "\", \"category\": \"secret\"}]}",
                "environment: staging\nentries:\n  - {key: db.password, value: " + PLAIN_SECRET + ", category: secret}\n",
                "{\"environment\": \"staging\", \"entries\": [{\"key\": \"db.password\", \"value\": \"sha256:" + PLAIN_SECRET + "\", \"category\": \"secret\"}]}"}) {
            assertThatThrownBy(() -> parse(body, "staging")).as(body).isInstanceOf(RejectedPayload.class)
                    .satisfies(refused -> {
                        assertThat(((RejectedPayload) refused).report().context())
                                .contains("entries[0] (key \"db.password\") is a secret whose value is not a sha256:<64 hex digits> digest")
                                .contains("neither stored nor published");
                        assertThat(everythingSaidAbout(refused)).doesNotContain(PLAIN_SECRET);
                    });
        }
    }

    @Test
    void aDocumentThatDoesNotParseIsRefusedWithoutQuotingAnyOfIt() {
        String brokenJson = "{\"environment\": \"staging\", \"entries\": [{\"key\": \"db.password\", \"value\": " + PLAIN_SECRET + "}]}";
        String brokenYaml = "environment: staging\nentries:\n  - key: db.password\n    value: \"" + PLAIN_SECRET + "\n\t category: secret";
        String wrongShape = "{\"environment\": \"staging\", \"entries\": [\"" + PLAIN_SECRET + "\"]}";

        assertThatThrownBy(() -> parse(brokenJson, "staging")).isInstanceOf(RejectedPayload.class)
                .hasMessageContaining("the body is not valid JSON (line 1, column").satisfies(r -> assertThat(everythingSaidAbout(r)).doesNotContain(PLAIN_SECRET));
        assertThatThrownBy(() -> parse(brokenYaml, "staging")).isInstanceOf(RejectedPayload.class)
                .hasMessageContaining("the body is not valid YAML").satisfies(r -> assertThat(everythingSaidAbout(r)).doesNotContain(PLAIN_SECRET));
        assertThatThrownBy(() -> parse(wrongShape, "staging")).isInstanceOf(RejectedPayload.class)
                .hasMessageContaining("entries[0] must be a JSON object; it is a string").satisfies(r -> assertThat(everythingSaidAbout(r)).doesNotContain(PLAIN_SECRET));
    }

    @Test
    void theSnapshotMustBeOfTheEnvironmentItWasSentForAndEachKeyAppearOnce() {
        assertRefused("{\"environment\": \"production\", \"entries\": []}", "staging",
                "the snapshot is of environment \"production\" but was sent for \"staging\"");
        assertRefused("{\"environment\": \"staging\", \"entries\": [{\"key\": \"a\", \"value\": \"1\", \"category\": \"configuration\"},"
                + "{\"key\": \"a\", \"value\": \"2\", \"category\": \"configuration\"}]}", "staging", "entries[1] (key \"a\") repeats a key");
        assertRefused("{\"environment\": \"staging\", \"environment\": \"production\", \"entries\": []}", "staging", "not valid JSON");
    }

    @Test
    void eachEntryNeedsAKeyAScalarValueAndAKnownCategory() {
        assertRefused(entry("{\"value\": \"1\", \"category\": \"configuration\"}"), "staging", "entries[0].key is missing");
        assertRefused(entry("{\"key\": \"a\", \"value\": \"1\", \"category\": \"Secret\"}"), "staging",
                "entries[0] (key \"a\") has category \"Secret\"; it must be infrastructure, configuration, feature-flag or secret");
        assertRefused(entry("{\"key\": \"a\", \"value\": \"1\"}"), "staging", "entries[0] (key \"a\") has no category");
        assertRefused(entry("{\"key\": \"a\", \"value\": {\"nested\": 1}, \"category\": \"configuration\"}"), "staging",
                "entries[0] (key \"a\") has no value; it must be a string, a number or a boolean");
        assertRefused(entry("{\"key\": \"a\", \"value\": null, \"category\": \"configuration\"}"), "staging", "has no value");
        assertRefused("{\"environment\": \"staging\"}", "staging", "entries is missing");
        assertRefused("[1, 2]", "staging", "the body must be a JSON object; it is an array");
        assertRefused("{\"environment\": \"staging\", \"entries\": [", "staging", "not valid JSON");
        assertRefused("", "staging", "the body is empty");
    }

    @Test
    void aYamlAliasIsRefusedRatherThanReadAsTheAnchorsName() {
        assertRefused("""
                environment: staging
                entries:
                  - {key: a, value: &shared "1", category: configuration}
                  - {key: b, value: *shared, category: configuration}
                """, "staging", "the body uses a YAML alias (line 4");
    }

    @Test
    void anAliasBombInYamlIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [").append(("*" + previous + ",").repeat(8)).append('*').append(previous).append("]\n");
        }
        assertRefused(bomb + "environment: staging\nentries: []\n", "staging", "uses a YAML alias");
    }

    private static String entry(String entry) {
        return "{\"environment\": \"staging\", \"entries\": [" + entry + "]}";
    }

    private static ConfigSnapshots.ParsedSnapshot parse(String body, String environment) {
        return ConfigSnapshots.parse(body.getBytes(StandardCharsets.UTF_8), environment);
    }

    private static void assertRefused(String body, String environment, String context) {
        assertThatThrownBy(() -> parse(body, environment)).as(body).isInstanceOf(RejectedPayload.class)
                .satisfies(refused -> {
                    assertThat(((RejectedPayload) refused).report().failed()).isEqualTo("config-snapshot payload");
                    assertThat(((RejectedPayload) refused).report().context()).contains(context);
                });
    }

    /** The refusal's report, message and whole stack trace, causes included. */
    private static String everythingSaidAbout(Throwable refused) {
        StringWriter trace = new StringWriter();
        refused.printStackTrace(new PrintWriter(trace));
        return ((RejectedPayload) refused).report() + trace.toString();
    }
}
