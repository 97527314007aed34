/**
 * Alert-tuning feedback for the monitoring owners: responders say per alert of an incident whether it was useful, noisy
 * or late, or which alert was missing, with a suggestion (AlertFeedbackRecorded).
 */
package io.gatehouse.incident.feedback;
