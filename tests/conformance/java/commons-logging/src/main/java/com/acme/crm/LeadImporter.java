package com.acme.crm;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

public class LeadImporter {
    private static final Log log = LogFactory.getLog(LeadImporter.class);
    private final Log rejects = LogFactory.getLog("crm.rejects");

    public int importLeads(List<Map<String, String>> rows) {
        int imported = 0;
        for (Map<String, String> row : rows) {
            String email = row.get("email");
            if (email == null) {
                rejects.warn("Lead without email: " + row.get("full_name")); // expect: pii-to-log user.name
                continue;
            }
            if (log.isDebugEnabled()) {
                log.debug("Importing lead " + email); // expect: pii-to-log user.contact.email
            }
            imported++;
        }
        log.info("Imported " + imported + " of " + rows.size() + " leads");
        return imported;
    }

    public void merge(Lead lead, Lead duplicate) {
        log.info("Merging lead " + lead.getEmail() + " into " + duplicate.getEmail()); // expect: pii-to-log user.contact.email
        rejects.error("Duplicate phone " + duplicate.getPhone(), new IllegalArgumentException("duplicate")); // expect: pii-to-log user.contact.phone_number
    }
}
