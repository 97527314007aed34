/** The alerts the bench sends: realistic Alertmanager webhooks, each alert with an id of its own. */
package io.gatehouse.bench.payload;
