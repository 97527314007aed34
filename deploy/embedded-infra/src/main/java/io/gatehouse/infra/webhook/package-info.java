/** A local Slack-compatible webhook receiver, so the local stack's notifications go through a real HTTP channel. */
package io.gatehouse.infra.webhook;
