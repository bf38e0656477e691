package com.x;

import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class BillingImpl extends BillingGrpc.BillingImplBase {
    private static final Logger log = LoggerFactory.getLogger(BillingImpl.class);

    @Override
    public void createCustomer(CreateCustomerRequest req, StreamObserver<CreateCustomerReply> obs) {
        log.info("customer {}", req.getEmail());
    }
}
