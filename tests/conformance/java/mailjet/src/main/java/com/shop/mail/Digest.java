package com.shop.mail;

import com.mailjet.client.errors.MailjetException;

/** Negative file: the ops digest. */
public class Digest {
    private final Mailer mailer = new Mailer();

    public void send(int signups) throws MailjetException {
        mailer.sendDigest(signups);
    }
}
