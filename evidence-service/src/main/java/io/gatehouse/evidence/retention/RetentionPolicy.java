package io.gatehouse.evidence.retention;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.log.HashChain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The retention policy file: per evidence protocol, how long a sealed bundle stays active and then archived. Its
 * version is {@code sha256:} and the SHA-256 of the file's bytes, named in every action taken under it.
 */
public record RetentionPolicy(String version, Map<Integer, Rule> rules) {

    /**
     * One protocol's periods, both counted from the seal: the active period ends {@code active} after it, the archive
     * period {@code archived} after that.
     *
     * @param evidence what the protocol's evidence is called, e.g. "release evidence"
     */
    public record Rule(int protocol, String evidence, Duration active, Duration archived) {

        /** When a bundle sealed at {@code sealedAt} leaves the active store. */
        public Instant activeEndsAt(Instant sealedAt) {
            return sealedAt.plus(active);
        }

        /** When a bundle sealed at {@code sealedAt} leaves the archive. */
        public Instant archiveEndsAt(Instant sealedAt) {
            return activeEndsAt(sealedAt).plus(archived);
        }

        /** E.g. "release evidence: active 90 days, archived 1095 days". */
        public String describe() {
            return evidence + ": active " + active.toDays() + " days, archived " + archived.toDays() + " days";
        }
    }

    public static final String SHIPPED = "/policy/retention.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record File(Map<Integer, Period> protocols) {
    }

    record Period(String evidence, Integer activeDays, Integer archivedDays) {
    }

    /** The rule for bundles of {@code protocol}; none for a protocol the policy does not name. */
    public Optional<Rule> ruleFor(int protocol) {
        return Optional.ofNullable(rules.get(protocol));
    }

    /** What an action under {@code rule} records as its policy: the rule and this file's version. */
    public String citation(Rule rule) {
        return rule.describe() + " (retention policy " + version + ")";
    }

    /** The policy shipped with Gatehouse: SPEC.md's periods. */
    public static RetentionPolicy shipped(Collection<EvidenceProtocol> protocols) {
        try (InputStream in = RetentionPolicy.class.getResourceAsStream(SHIPPED)) {
            return parse(in.readAllBytes(), "the shipped " + SHIPPED, protocols);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a policy file that must give a rule for each of {@code protocols} and for nothing else.
     *
     * @param origin where the bytes came from, for error messages
     * @throws IllegalArgumentException naming the first thing that is missing or wrong
     */
    public static RetentionPolicy parse(byte[] yaml, String origin, Collection<EvidenceProtocol> protocols) {
        File file;
        try {
            file = YAML.readValue(yaml, File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("retention policy " + origin + " is not valid: " + e.getMessage(), e);
        }
        if (file == null || file.protocols() == null) {
            throw new IllegalArgumentException("retention policy " + origin + " needs a 'protocols' map of protocol number to periods");
        }
        SortedMap<Integer, Rule> rules = new TreeMap<>();
        for (EvidenceProtocol protocol : protocols) {
            Period period = file.protocols().get(protocol.number());
            if (period == null) {
                throw new IllegalArgumentException("retention policy " + origin + " gives no periods for protocol " + protocol.number()
                        + " (" + protocol.bundleName() + ")");
            }
            rules.put(protocol.number(), ruleOf(protocol.number(), period, origin));
        }
        file.protocols().keySet().stream().filter(number -> !rules.containsKey(number)).findFirst().ifPresent(number -> {
            throw new IllegalArgumentException("retention policy " + origin + " names protocol " + number
                    + ", whose evidence Gatehouse does not seal; known protocols: " + rules.keySet());
        });
        // Sorted by protocol, so the job visits them in one order everywhere.
        return new RetentionPolicy("sha256:" + HashChain.sha256(yaml), Collections.unmodifiableSortedMap(rules));
    }

    private static Rule ruleOf(int protocol, Period period, String origin) {
        String at = "retention policy " + origin + ", protocols." + protocol;
        if (period.evidence() == null || period.evidence().isBlank()) {
            throw new IllegalArgumentException(at + ".evidence must name the evidence, e.g. 'release evidence'");
        }
        return new Rule(protocol, period.evidence().strip(), Duration.ofDays(days(period.activeDays(), at + ".activeDays")),
                Duration.ofDays(days(period.archivedDays(), at + ".archivedDays")));
    }

    private static int days(Integer days, String at) {
        if (days == null || days < 1) {
            throw new IllegalArgumentException(at + " must be a whole number of days, 1 or more");
        }
        return days;
    }
}
