package com.shop.marketplace;

import com.meilisearch.sdk.Client;
import com.meilisearch.sdk.Config;
import com.meilisearch.sdk.Index;

/** Negative file: listings are public catalogue data. */
public class ListingSearch {
    private final Client client = new Client(new Config("http://search.internal:7700", null));

    public void reindex() {
        Index index = client.index("listings");
        index.addDocuments("[{\"id\": 1, \"title\": \"Walnut desk\", \"price\": 420}]");
        index.updateDocuments("[{\"id\": 1, \"price\": 399}]");
    }
}
