package com.shop.verify;

/** Negative file: pages the configured on-call number. */
public class Oncall {
    private final Sms sms = new Sms();

    public void queueStuck() throws Exception {
        sms.pageOncall("queue stuck");
    }
}
