package io.gatehouse.rehearsal.gates;

import io.gatehouse.rehearsal.policy.WaiverRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a gate's waivers add up to a valid waiver: one that has not expired from each role the policy names, each
 * role's by a different person (one person holding both the CISO and CTO roles cannot waive gate 3 alone), each with
 * compensating controls where the policy requires them.
 */
public final class Waivers {

    private Waivers() {
    }

    /** The waivers that together waive the gate at {@code at}; empty when they do not. */
    public static Optional<List<Waiver>> covering(WaiverRule rule, List<Waiver> waivers, Instant at) {
        List<Waiver> counting = waivers.stream().filter(w -> w.countsAt(at))
                .filter(w -> !rule.compensatingControlsRequired() || (w.compensatingControls() != null && !w.compensatingControls().isBlank()))
                .toList();
        List<Waiver> chosen = new ArrayList<>();
        return assign(rule.roles(), 0, counting, new HashSet<>(), chosen) ? Optional.of(List.copyOf(chosen)) : Optional.empty();
    }

    /** Picks a waiver for each role from {@code index} on, by people not picked yet (a few roles: trying each is enough). */
    private static boolean assign(List<String> roles, int index, List<Waiver> counting, Set<String> people, List<Waiver> chosen) {
        if (index == roles.size()) {
            return true;
        }
        for (Waiver waiver : counting) {
            if (waiver.role().equals(roles.get(index)) && people.add(waiver.person())) {
                chosen.add(waiver);
                if (assign(roles, index + 1, counting, people, chosen)) {
                    return true;
                }
                chosen.remove(chosen.size() - 1);
                people.remove(waiver.person());
            }
        }
        return false;
    }
}
