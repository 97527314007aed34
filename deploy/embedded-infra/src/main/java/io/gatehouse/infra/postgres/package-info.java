/** An embedded PostgreSQL (real server binaries from a Maven artifact) for tests and the local launcher. */
package io.gatehouse.infra.postgres;
