package com.shop.verify;

import com.messagebird.MessageBirdClient;
import com.messagebird.MessageBirdServiceImpl;
import java.math.BigInteger;
import java.util.List;

/** SMS with MessageBird's Java client. */
public class Sms {
    private final MessageBirdClient messageBirdClient;

    public Sms() {
        this.messageBirdClient = new MessageBirdClient(new MessageBirdServiceImpl(System.getenv("MESSAGEBIRD_ACCESS_KEY")));
    }

    public void sendCode(String phone, String code) throws Exception {
        messageBirdClient.sendMessage("Shop", "Your code is " + code, List.of(new BigInteger(phone))); // expect: pii-to-third-party user.contact.phone_number
    }

    public void pageOncall(String problem) throws Exception {
        messageBirdClient.sendMessage("Ops", "alert: " + problem, List.of(new BigInteger(System.getenv("ONCALL_NUMBER"))));
    }
}
