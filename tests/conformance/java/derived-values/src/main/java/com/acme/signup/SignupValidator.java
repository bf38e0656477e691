package com.acme.signup;

import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class SignupValidator {
    private static final Logger LOG = LoggerFactory.getLogger(SignupValidator.class);
    private static final List<String> BLOCKED = List.of("mailinator.com");

    public boolean validate(String email, String phone, List<String> previousEmails) {
        LOG.debug("email length {}", email.length());
        LOG.debug("email empty {}", email.isEmpty());
        LOG.debug("at sign at {}", email.indexOf('@'));
        LOG.debug("seen before {}", previousEmails.contains(email));
        LOG.debug("history size {}", previousEmails.size());
        LOG.debug("phone set {}", Objects.nonNull(phone));
        return BLOCKED.stream().noneMatch(email::endsWith);
    }
}
