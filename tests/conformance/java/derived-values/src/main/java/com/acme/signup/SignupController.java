package com.acme.signup;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SignupController {
    private static final Logger log = LoggerFactory.getLogger(SignupController.class);
    private final SignupValidator validator = new SignupValidator();

    @PostMapping("/signup")
    public String signup(@RequestParam String email, @RequestParam String phone) {
        if (!validator.validate(email, phone, List.of())) {
            log.warn("rejected {}", email); // expect: pii-to-log user.contact.email
            return "rejected";
        }
        log.info("accepted, {} characters", email.length());
        return "ok";
    }
}
