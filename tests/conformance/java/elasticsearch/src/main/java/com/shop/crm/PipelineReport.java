package com.shop.crm;

import java.io.IOException;

/** Negative file: pipeline counts go to the stats index. */
public class PipelineReport {
    private final ContactSearch search = new ContactSearch(System.getenv("ELASTIC_URL"));

    public void nightly(int deals) throws IOException {
        search.indexStats(deals);
    }
}
