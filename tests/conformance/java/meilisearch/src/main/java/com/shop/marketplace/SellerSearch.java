package com.shop.marketplace;

import com.meilisearch.sdk.Client;
import com.meilisearch.sdk.Config;
import com.meilisearch.sdk.Index;
import org.json.JSONArray;
import org.json.JSONObject;

/** Sellers in Meilisearch (meilisearch-java). */
public class SellerSearch {
    private final Client client = new Client(new Config(System.getenv("MEILI_HOST"), System.getenv("MEILI_API_KEY")));

    public void indexSeller(String id, String email) {
        JSONObject doc = new JSONObject();
        doc.put("id", id);
        doc.put("email", email);
        JSONArray docs = new JSONArray();
        docs.put(doc);
        Index index = client.index("sellers");
        index.addDocuments(docs.toString()); // expect: pii-to-third-party user.contact.email
    }

    public void updatePhone(String id, String phone) {
        JSONObject doc = new JSONObject();
        doc.put("id", id);
        doc.put("phone", phone);
        JSONArray docs = new JSONArray();
        docs.put(doc);
        client.index("sellers").updateDocuments(docs.toString()); // expect: pii-to-third-party user.contact.phone_number
    }
}
