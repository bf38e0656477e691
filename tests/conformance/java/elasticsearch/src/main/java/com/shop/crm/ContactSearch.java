package com.shop.crm;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.IndexRequest;
import co.elastic.clients.elasticsearch.core.UpdateRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** Contacts in Elasticsearch (the Java API client). */
public class ContactSearch {
    private final ElasticsearchClient esClient;

    public ContactSearch(String url) {
        RestClient rest = RestClient.builder(HttpHost.create(url)).build();
        this.esClient = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    public void indexContact(Contact contact) throws IOException {
        Map<String, Object> doc = new HashMap<>();
        doc.put("name", contact.getFullName());
        doc.put("email", contact.getEmail());
        IndexRequest<Map<String, Object>> request = new IndexRequest.Builder<Map<String, Object>>()
                .index("contacts").id(contact.getId()).document(doc).build();
        esClient.index(request); // expect: pii-to-third-party user.name user.contact.email
    }

    public void updatePhone(String id, String phone) throws IOException {
        Map<String, Object> partial = new HashMap<>();
        partial.put("phone", phone);
        esClient.update(new UpdateRequest.Builder<Map<String, Object>, Map<String, Object>>() // expect: pii-to-third-party user.contact.phone_number
                .index("contacts").id(id).doc(partial).build(), Map.class);
    }

    public void indexStats(int deals) throws IOException {
        Map<String, Object> doc = new HashMap<>();
        doc.put("stage", "won");
        doc.put("deals", deals);
        esClient.index(new IndexRequest.Builder<Map<String, Object>>().index("pipeline-stats").document(doc).build());
    }
}
