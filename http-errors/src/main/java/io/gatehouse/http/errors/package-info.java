/**
 * Refusals that every service's HTTP layer makes before the service's own code runs (a body over the size limit, a
 * missing token, a missing role),
 * answered in the error shape like every other refusal. A service gets them by depending on this module.
 */
package io.gatehouse.http.errors;
