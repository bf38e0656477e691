package com.shop.verify;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class VerifyController {
    private final Sms sms = new Sms();

    @PostMapping("/verify")
    public String verify(@RequestParam String phone) throws Exception {
        sms.sendCode(phone, "123456");
        return "sent";
    }
}
