package com.shop.mail;

import com.mailjet.client.errors.MailjetException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SignupController {
    private final Mailer mailer = new Mailer();

    @PostMapping("/signup")
    public String signup(@RequestParam String email, @RequestParam String firstName) throws MailjetException {
        mailer.sendWelcome(email, firstName);
        return "ok";
    }
}
