/**
 * gatehouse-bench: the benchmark of issue #9, run by {@code deploy/local/gatehouse bench}. One package per phase
 * ({@code raw}, {@code intake}, {@code webhook}, {@code latency}, {@code storm}, {@code evidence}, {@code footprint}),
 * over the stack as seen from outside ({@code stack}), the load it sends ({@code payload}, {@code http}), the arithmetic
 * of its figures ({@code stats}) and the results it writes ({@code report}).
 */
package io.gatehouse.bench;
