/** Access to the shared corpus of real third-party payloads, for tests. */
package io.gatehouse.infra.corpus;
