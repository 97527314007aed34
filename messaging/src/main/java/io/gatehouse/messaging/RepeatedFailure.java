package io.gatehouse.messaging;

import io.gatehouse.errors.ErrorReport;

/**
 * A record whose unit of work failed again and again while every dependency answered: retrying it more would not
 * help, so it goes to the consumer's dead-letter topic with this report as the reason and the last failure as the cause.
 */
public class RepeatedFailure extends RuntimeException {

    RepeatedFailure(String topic, int attempts, String dependencies, Throwable lastFailure) {
        super(new ErrorReport(ErrorReport.Severity.CRITICAL, "event on " + topic,
                "applying it failed " + attempts + " times in a row while " + dependencies + " answered; the last time: " + lastFailure,
                "fix what the cause names, then replay the record from the dead-letter topic",
                "this record was not applied; the records after it were").oneLine(), lastFailure);
    }
}
