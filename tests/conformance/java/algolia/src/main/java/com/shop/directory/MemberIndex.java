package com.shop.directory;

import com.algolia.search.DefaultSearchClient;
import com.algolia.search.SearchClient;
import com.algolia.search.SearchIndex;

/** The members index (Algolia Java client v3). */
public class MemberIndex {
    private final SearchClient client = DefaultSearchClient.create(System.getenv("ALGOLIA_APP_ID"), System.getenv("ALGOLIA_API_KEY"));

    public void save(String id, String email, String phone) {
        SearchIndex<MemberRecord> index = client.initIndex("members", MemberRecord.class);
        MemberRecord record = new MemberRecord();
        record.setObjectID(id);
        record.setEmail(email);
        index.saveObject(record); // expect: pii-to-third-party user.contact.email
        MemberRecord update = new MemberRecord();
        update.setObjectID(id);
        update.setPhone(phone);
        index.partialUpdateObject(update); // expect: pii-to-third-party user.contact.phone_number
    }
}
