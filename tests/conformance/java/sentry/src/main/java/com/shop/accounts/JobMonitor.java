package com.shop.accounts;

import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.protocol.User;
import java.util.List;

/** Negative file: nothing personal reaches Sentry here. */
public class JobMonitor {

    public void run(List<Customer> batch) {
        Sentry.setTag("job", "nightly-export");
        Sentry.setExtra("batch_size", String.valueOf(batch.size()));
        User user = new User();
        user.setId(String.valueOf(batch.get(0).getId()));
        Sentry.setUser(user);
        Breadcrumb crumb = new Breadcrumb();
        crumb.setMessage("export started");
        Sentry.addBreadcrumb(crumb);
        Sentry.withScope(scope -> {
            scope.setTag("region", "eu-west-1");
            Sentry.captureMessage("export finished");
        });
    }
}
