/**
 * Protocol 14's gates 1 to 4 and the go/no-go decision, as pure evaluations of a release's inputs (registration,
 * results with their supersession, approvals, waivers) against the policy's thresholds: what each gate measured,
 * the conditions it applied, what did not hold, and the evidence it rests on. No framework, no clock: the time of
 * an evaluation is always given.
 */
package io.gatehouse.rehearsal.gates;
