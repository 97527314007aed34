package io.gatehouse.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Policies that differ from the shipped one in one place. */
public final class TestPolicies {

    private TestPolicies() {
    }

    /** The shipped 14.yaml, as text. */
    public static String shippedYaml() {
        try (InputStream in = ReleasePolicy.class.getResourceAsStream(ReleasePolicy.SHIPPED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped policy with {@code original}, which it must contain, replaced. */
    public static ReleasePolicy edited(String original, String replacement) {
        String yaml = shippedYaml();
        assertThat(yaml).contains(original);
        return ReleasePolicy.parse(yaml.replace(original, replacement).getBytes(StandardCharsets.UTF_8), "a test's policy");
    }
}
