package com.shop.orders;

import co.elastic.apm.api.ElasticApm;
import co.elastic.apm.api.Transaction;

/** Negative file: counts and fixed labels. */
public class ItemLabels {

    public void count(int items) {
        Transaction transaction = ElasticApm.currentTransaction();
        transaction.setLabel("items", items);
        transaction.setLabel("catalog", "spring");
        ElasticApm.currentSpan().setLabel("pricing", "v3");
    }
}
