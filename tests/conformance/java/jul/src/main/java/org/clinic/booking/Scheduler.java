package org.clinic.booking;

import java.util.logging.Level;
import java.util.logging.Logger;

public class Scheduler {
    private final Logger log = Logger.getLogger("org.clinic.booking.scheduler");

    public void book(String patientName, String dateOfBirth) {
        log.info(() -> "Scheduling " + patientName); // todo: pii-to-log user.name (the message is built by a Supplier lambda: a lambda's captured variable does not flow to the call)
        log.warning("Patient born " + dateOfBirth + " needs a longer slot"); // expect: pii-to-log user.demographic.date_of_birth
        log.log(Level.CONFIG, "Slots left: {0}", 3);
        if (patientName.isEmpty()) {
            throw new IllegalStateException("no patient name");
        }
    }
}
