package io.gatehouse.rehearsal.policy;

import java.util.List;

/** Where a gate's failure is announced: the channels and the roles they reach. */
public record GateRoute(List<String> channels, List<String> audience) {
}
