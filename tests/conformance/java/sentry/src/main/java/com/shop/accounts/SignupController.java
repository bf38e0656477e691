package com.shop.accounts;

import io.sentry.Sentry;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SignupController {
    private final ErrorReporter reporter = new ErrorReporter();

    @PostMapping("/signup")
    public String signup(@RequestParam String email, @RequestParam String phone) {
        Sentry.setTag("signup.email", email); // expect: pii-to-third-party user.contact.email
        Sentry.setExtra("contact.phone", phone); // expect: pii-to-third-party user.contact.phone_number
        return "ok";
    }
}
