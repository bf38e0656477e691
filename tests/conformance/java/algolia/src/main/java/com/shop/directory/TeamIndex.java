package com.shop.directory;

import com.algolia.search.DefaultSearchClient;
import com.algolia.search.SearchClient;
import com.algolia.search.SearchIndex;
import java.util.List;
import java.util.Map;

/** Negative file: team records are names of teams and sizes. */
public class TeamIndex {
    private final SearchClient client = DefaultSearchClient.create(System.getenv("ALGOLIA_APP_ID"), System.getenv("ALGOLIA_API_KEY"));

    public void sync() {
        SearchIndex<Map> index = client.initIndex("teams", Map.class);
        index.saveObjects(List.of(Map.of("objectID", "t1", "title", "Platform", "size", 8)));
        index.partialUpdateObject(Map.of("objectID", "t1", "size", 9));
    }
}
