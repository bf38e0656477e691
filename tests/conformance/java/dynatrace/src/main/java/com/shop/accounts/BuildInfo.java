package com.shop.accounts;

import com.dynatrace.oneagent.sdk.OneAgentSDKFactory;
import com.dynatrace.oneagent.sdk.api.OneAgentSDK;

/** Negative file: build and replica attributes. */
public class BuildInfo {
    private final OneAgentSDK oneAgentSdk = OneAgentSDKFactory.createInstance();

    public void tag(String build) {
        oneAgentSdk.addCustomRequestAttribute("build", build);
        oneAgentSdk.addCustomRequestAttribute("replicas", 3);
    }
}
