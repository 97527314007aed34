/** What an audit finds and how it is reported: differences named by where an auditor finds them, the JSON reports. */
package io.gatehouse.audit.report;
