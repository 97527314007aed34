package io.gatehouse.rehearsal.gates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which results count for the gates: of the results of one kind and scope (the same suite, the same environment's
 * snapshot, a re-run rehearsal or scan), the newest by the time intake received it, and of two received at the same
 * instant the one that arrived later. The others are superseded; the evidence keeps them all.
 */
public final class Supersession {

    private Supersession() {
    }

    /** The results that count, in the order they arrived. */
    public static List<Result> current(List<Result> arrived) {
        List<Result> current = new ArrayList<>();
        for (int i = 0; i < arrived.size(); i++) {
            if (supersederOf(arrived, i).isEmpty()) {
                current.add(arrived.get(i));
            }
        }
        return current;
    }

    /** For each superseded result's event id, the event id of the result that supersedes it now. */
    public static Map<String, String> superseded(List<Result> arrived) {
        Map<String, String> superseded = new LinkedHashMap<>();
        for (int i = 0; i < arrived.size(); i++) {
            int index = i;
            supersederOf(arrived, i).ifPresent(newer -> superseded.put(arrived.get(index).eventId(), newer.eventId()));
        }
        return superseded;
    }

    /** The newest result of the same slot, when it is not the one at {@code index}. */
    private static Optional<Result> supersederOf(List<Result> arrived, int index) {
        Result candidate = arrived.get(index);
        int newest = index;
        for (int i = 0; i < arrived.size(); i++) {
            Result other = arrived.get(i);
            if (other.sameSlotAs(candidate) && isNewer(other, i, arrived.get(newest), newest)) {
                newest = i;
            }
        }
        return newest == index ? Optional.empty() : Optional.of(arrived.get(newest));
    }

    private static boolean isNewer(Result a, int aArrival, Result b, int bArrival) {
        int byTime = a.receivedAt().compareTo(b.receivedAt());
        return byTime > 0 || (byTime == 0 && aArrival > bArrival);
    }
}
