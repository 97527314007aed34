/**
 * Configuration snapshots of an environment (JSON or YAML): every key with its value and category, a secret only as
 * its SHA-256 digest. A plain secret is refused without being kept or repeated anywhere.
 */
package io.gatehouse.intake.results.config;
