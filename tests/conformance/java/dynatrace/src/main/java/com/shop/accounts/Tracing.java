package com.shop.accounts;

import com.dynatrace.oneagent.sdk.OneAgentSDKFactory;
import com.dynatrace.oneagent.sdk.api.OneAgentSDK;

/** Dynatrace OneAgent SDK for Java: custom request attributes. */
public class Tracing {
    private final OneAgentSDK oneAgentSdk = OneAgentSDKFactory.createInstance();

    public void tagAccount(Account account) {
        oneAgentSdk.addCustomRequestAttribute("account.tier", account.getTier());
        oneAgentSdk.addCustomRequestAttribute("account.email", account.getEmail()); // expect: pii-to-third-party user.contact.email
    }

    public void tagContact(String phone) {
        oneAgentSdk.addCustomRequestAttribute("account.phone", phone); // expect: pii-to-third-party user.contact.phone_number
    }
}
