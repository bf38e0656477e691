package com.shop.billing;

import com.newrelic.api.agent.NewRelic;
import java.util.Map;

/** Negative file: sizes and fixed labels. */
public class BatchMetrics {

    public void batch(int size) {
        NewRelic.addCustomParameter("batch.size", size);
        NewRelic.addCustomParameter("region", "eu-west-1");
        NewRelic.getAgent().getInsights().recordCustomEvent("BatchDone", Map.of("count", size));
        NewRelic.recordMetric("Custom/Batch/Size", size);
    }
}
