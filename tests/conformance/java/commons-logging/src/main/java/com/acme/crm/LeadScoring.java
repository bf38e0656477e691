package com.acme.crm;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Negative file: scores and company names only. */
public class LeadScoring {
    private static final Log LOG = LogFactory.getLog(LeadScoring.class);

    public int score(Lead lead) {
        int score = lead.getCompany() == null ? 10 : 50;
        LOG.debug("Scored lead of company " + lead.getCompany() + ": " + score);
        LOG.trace("Lead has email: " + (lead.getEmail() != null));
        return score;
    }
}
