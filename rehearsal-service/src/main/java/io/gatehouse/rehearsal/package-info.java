/**
 * The release aggregate, where rehearsal-service's state lives: {@link io.gatehouse.rehearsal.Release} with its received
 * results, approvals, waivers and gate standings. They change only through methods that say what happens; the feature
 * packages (intake, registration, approval, waiver, expiry, evaluation) call them, and every unit of work that changes
 * a release takes its row lock first. The aggregate reads the pure rules of {@code gates} and nothing else of the
 * features.
 */
package io.gatehouse.rehearsal;
