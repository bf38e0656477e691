package com.shop.orders;

import brevoApi.ContactsApi;
import brevoApi.TransactionalEmailsApi;
import brevoModel.CreateContact;
import brevoModel.SendSmtpEmail;
import brevoModel.SendSmtpEmailTo;
import java.util.List;
import java.util.Map;

/** Brevo's Java client. */
public class Mailer {
    private final TransactionalEmailsApi emailsApi = new TransactionalEmailsApi();

    public void sendReceipt(String email, String fullName) throws Exception {
        SendSmtpEmailTo to = new SendSmtpEmailTo();
        to.setEmail(email);
        to.setName(fullName);
        SendSmtpEmail message = new SendSmtpEmail();
        message.setTo(List.of(to));
        message.setTemplateId(7L);
        emailsApi.sendTransacEmail(message); // expect: pii-to-third-party user.contact.email user.name
    }

    public void addContact(String email, String phone) throws Exception {
        ContactsApi api = new ContactsApi();
        CreateContact contact = new CreateContact();
        contact.setEmail(email);
        contact.setAttributes(Map.of("SMS", phone));
        api.createContact(contact); // expect: pii-to-third-party user.contact.email user.contact.phone_number
    }

    public void sendReport(int orders) throws Exception {
        SendSmtpEmailTo to = new SendSmtpEmailTo();
        to.setEmail("sales@shop.example");
        SendSmtpEmail message = new SendSmtpEmail();
        message.setTo(List.of(to));
        message.setTextContent(orders + " orders today");
        emailsApi.sendTransacEmail(message);
    }
}
