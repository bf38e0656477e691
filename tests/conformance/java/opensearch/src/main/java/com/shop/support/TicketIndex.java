package com.shop.support;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.IndexRequest;
import org.opensearch.client.transport.OpenSearchTransport;

/** Support tickets in OpenSearch (opensearch-java). */
public class TicketIndex {
    private final OpenSearchClient client;

    public TicketIndex(OpenSearchTransport transport) {
        this.client = new OpenSearchClient(transport);
    }

    public void indexTicket(String id, String subject, String email) throws IOException {
        Map<String, Object> doc = new HashMap<>();
        doc.put("subject", subject);
        doc.put("email", email);
        client.index(new IndexRequest.Builder<Map<String, Object>>().index("tickets").id(id).document(doc).build()); // expect: pii-to-third-party user.contact.email
    }

    public void indexQueueSize(int open) throws IOException {
        Map<String, Object> doc = new HashMap<>();
        doc.put("queue", "support");
        doc.put("open", open);
        client.index(new IndexRequest.Builder<Map<String, Object>>().index("queue-stats").document(doc).build());
    }
}
