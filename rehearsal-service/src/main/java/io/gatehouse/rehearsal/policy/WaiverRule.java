package io.gatehouse.rehearsal.policy;

import java.util.List;

/**
 * Who may waive a gate: one waiver from each role, each by a different person, and whether each waiver must document
 * compensating controls.
 */
public record WaiverRule(List<String> roles, boolean compensatingControlsRequired) {
}
