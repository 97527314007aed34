/** Development identities: a local key pair and bearer tokens for a named person and roles. */
package io.gatehouse.infra.auth;
