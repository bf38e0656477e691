package com.shop.signup;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SignupController {
    private final Tracking tracking = new Tracking();

    @PostMapping("/signup")
    public String signup(@RequestParam String userId, @RequestParam String email,
                         @RequestParam String firstName, @RequestParam String phone) {
        tracking.identify(userId, email, firstName);
        tracking.signedUp(userId, phone);
        return "ok";
    }
}
