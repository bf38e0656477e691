package com.shop.mail;

import com.mailjet.client.ClientOptions;
import com.mailjet.client.MailjetClient;
import com.mailjet.client.MailjetRequest;
import com.mailjet.client.MailjetResponse;
import com.mailjet.client.errors.MailjetException;
import com.mailjet.client.resource.Emailv31;
import org.json.JSONArray;
import org.json.JSONObject;

/** Mailjet's Java client, Send API v3.1. */
public class Mailer {
    private final MailjetClient client = new MailjetClient(ClientOptions.builder()
            .apiKey(System.getenv("MJ_APIKEY_PUBLIC")).apiSecretKey(System.getenv("MJ_APIKEY_PRIVATE")).build());

    public MailjetResponse sendWelcome(String email, String firstName) throws MailjetException {
        JSONObject to = new JSONObject();
        to.put("Email", email);
        to.put("Name", firstName);
        JSONArray recipients = new JSONArray();
        recipients.put(to);
        JSONObject message = new JSONObject();
        message.put("To", recipients);
        message.put("TemplateID", 4242);
        JSONArray messages = new JSONArray();
        messages.put(message);
        MailjetRequest request = new MailjetRequest(Emailv31.resource).property(Emailv31.MESSAGES, messages);
        return client.post(request); // expect: pii-to-third-party user.contact.email user.name.first
    }

    public MailjetResponse sendDigest(int signups) throws MailjetException {
        JSONObject message = new JSONObject();
        message.put("TextPart", signups + " signups today");
        JSONArray messages = new JSONArray();
        messages.put(message);
        return client.post(new MailjetRequest(Emailv31.resource).property(Emailv31.MESSAGES, messages));
    }
}
