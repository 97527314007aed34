/** The error shape of SPEC.md: severity, what failed, context, resolution, impact. */
package io.gatehouse.errors;
