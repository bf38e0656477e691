package com.shop.signup;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SignupController {
    private final ErrorReporting errors = new ErrorReporting();

    @PostMapping("/signup")
    public String signup(@RequestParam String email) {
        errors.signupFailed(email);
        return "rejected";
    }
}
