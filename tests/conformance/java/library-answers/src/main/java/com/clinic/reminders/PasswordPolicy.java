package com.clinic.reminders;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PasswordPolicy {
    private static final Logger log = LoggerFactory.getLogger(PasswordPolicy.class);
    private final Zxcvbn zxcvbn = new Zxcvbn();

    public boolean strongEnough(String password) {
        Strength strength = zxcvbn.measure(password);
        // an estimate about the password, not the password
        log.info("password score {} of 4", strength.getScore());
        return strength.getScore() >= 3;
    }
}
