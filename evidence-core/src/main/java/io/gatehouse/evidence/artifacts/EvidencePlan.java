package io.gatehouse.evidence.artifacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a subject's evidence set holds, decided from its events before any bytes are written: each artifact with
 * the events it is derived from, and each optional artifact the events do not call for, with the reason. An
 * artifact that describes the whole set (a report, an index) reads this plan, so it names exactly what the bundle
 * holds.
 *
 * <p>A protocol declares each of its artifacts once, with {@link #builder()}: name, content (media type and
 * renderer) and source events. Required artifacts are always there, saying so when their phase has not happened;
 * optional ones are there only when their facts exist.
 *
 * @param artifacts sorted by name
 * @param absent the optional artifacts not in the set, sorted by name
 */
public record EvidencePlan(List<PlannedArtifact> artifacts, List<EvidenceManifest.Absent> absent) {

    public static Builder builder() {
        return new Builder();
    }

    public boolean holds(String name) {
        return artifacts.stream().anyMatch(a -> a.name().equals(name));
    }

    /**
     * Share of the required artifacts whose phase has happened, 0..1 to four places; optional artifacts are in the
     * set only when their facts exist, so they do not count.
     */
    public double completeness() {
        List<PlannedArtifact> required = artifacts.stream().filter(PlannedArtifact::required).toList();
        long happened = required.stream().filter(PlannedArtifact::phaseHappened).count();
        return Math.round(happened * 10_000.0 / required.size()) / 10_000.0;
    }

    /** The required artifacts that only say their phase has not happened, by name. */
    public List<String> pending() {
        return artifacts.stream().filter(a -> a.required() && !a.phaseHappened()).map(PlannedArtifact::name).toList();
    }

    /** The artifacts of a set, declared one by one. */
    public static final class Builder {

        private final List<PlannedArtifact> artifacts = new ArrayList<>();
        private final List<EvidenceManifest.Absent> absent = new ArrayList<>();

        private Builder() {
        }

        /** A required artifact whose phase has happened once any of its sources exists. */
        public Builder required(String name, PlannedArtifact.Content content, List<LedgerEvent> sources) {
            return required(name, content, sources, !sources.isEmpty());
        }

        public Builder required(String name, PlannedArtifact.Content content, List<LedgerEvent> sources, boolean happened) {
            artifacts.add(new PlannedArtifact(name, content, sources, happened, true));
            return this;
        }

        /** An optional artifact: in the set when {@code calledFor}, else named among the absent ones with the reason. */
        public Builder optional(String name, PlannedArtifact.Content content, List<LedgerEvent> sources, boolean calledFor,
                                String reasonWhenAbsent) {
            if (calledFor) {
                artifacts.add(new PlannedArtifact(name, content, sources, true, false));
            } else {
                absent.add(new EvidenceManifest.Absent(name, reasonWhenAbsent));
            }
            return this;
        }

        public EvidencePlan build() {
            List<PlannedArtifact> sorted = new ArrayList<>(artifacts);
            sorted.sort(Comparator.comparing(PlannedArtifact::name));
            List<EvidenceManifest.Absent> sortedAbsent = new ArrayList<>(absent);
            sortedAbsent.sort(Comparator.comparing(EvidenceManifest.Absent::name));
            return new EvidencePlan(List.copyOf(sorted), List.copyOf(sortedAbsent));
        }
    }
}
