package org.clinic.booking;

import java.lang.System.Logger.Level;
import java.util.logging.Logger;

public class Insurance {
    private static final System.Logger PLATFORM = System.getLogger(Insurance.class.getName());

    public boolean verify(String insuranceNumber, String patientEmail) {
        PLATFORM.log(Level.INFO, "verifying insurance {0}", insuranceNumber); // expect: pii-to-log user.health_and_medical.insurance_beneficiary_id
        PLATFORM.log(Level.DEBUG, "insurance check started");
        boolean ok = insuranceNumber.startsWith("INS");
        if (!ok) {
            Logger.getLogger("org.clinic.insurance").warning("rejected insurance for " + patientEmail); // expect: pii-to-log user.contact.email
        }
        Logger.getGlobal().fine("insurance verified: " + ok);
        return ok;
    }
}
