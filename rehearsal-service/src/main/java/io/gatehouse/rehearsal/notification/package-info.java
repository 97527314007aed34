/**
 * Gate-failure notices: a failed gate is announced, in the words of the seed's error template, to the roles protocol 14
 * names for it, on the channels the policy routes it to, through the shared Slack-compatible delivery; each notice's end
 * is published as GateFailureAnnounced.
 */
package io.gatehouse.rehearsal.notification;
