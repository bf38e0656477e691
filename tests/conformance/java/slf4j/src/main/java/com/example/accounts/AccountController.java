package com.example.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {
    private static final Logger LOG = LoggerFactory.getLogger(AccountController.class);

    private final AccountService service;

    public AccountController(AccountService service) {
        this.service = service;
    }

    @PostMapping("/accounts")
    public String create(@RequestBody SignupRequest req) {
        LOG.info("Creating account for {}", req.getEmail()); // expect: pii-to-log user.contact.email
        LOG.debug("Signup request with {} roles", req.getRoles().size());
        if (req.getPassword().length() < 12) {
            LOG.warn("Weak password {} rejected", req.getPassword()); // expect: pii-to-log user.authorization.password
            return "rejected";
        }
        service.register(req.getEmail(), req.getPhoneNumber());
        LOG.info("Account created");
        return "created";
    }
}
