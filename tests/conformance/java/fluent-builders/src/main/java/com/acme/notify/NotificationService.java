package com.acme.notify;

import java.util.HashMap;
import java.util.Map;

import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class NotificationService {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    public void notifyUser(String email, String phoneNumber, long userId) {
        String line = new StringBuilder()
                .append("sending to ")
                .append(email)
                .toString();
        LOG.info(line); // expect: pii-to-log user.contact.email

        JSONObject payload = new JSONObject()
                .put("to", phoneNumber)
                .put("template", "welcome");
        LOG.debug("sms payload {}", payload.toString()); // expect: pii-to-log user.contact.phone_number

        Map<String, String> tags = new HashMap<>();
        tags.put("channel", "sms");
        LOG.debug("tags {}", tags);

        StringBuilder summary = new StringBuilder("notified ");
        summary.append(Long.toString(userId).length()).append(" digit id");
        LOG.info(summary.toString());
    }
}
