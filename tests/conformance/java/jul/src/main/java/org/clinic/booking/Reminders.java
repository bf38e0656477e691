package org.clinic.booking;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Negative file: the reminder job logs counts and durations. */
public class Reminders {
    private static final Logger JOB = Logger.getLogger(Reminders.class.getName());

    public void send(List<String> appointmentIds, long startedNanos) {
        JOB.info("Sending " + appointmentIds.size() + " reminders");
        for (String appointmentId : appointmentIds) {
            JOB.log(Level.FINER, "Reminder for appointment {0}", appointmentId);
        }
        JOB.fine("Took " + (System.nanoTime() - startedNanos) / 1_000_000 + " ms");
        JOB.entering("Reminders", "send");
    }
}
