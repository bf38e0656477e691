package com.acme.orders;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.acme.directory.v1.DirectoryGrpc;
import com.acme.directory.v1.LookupReply;
import com.acme.directory.v1.LookupRequest;

public class OrderService {
    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    private final DirectoryGrpc.DirectoryBlockingStub directory;

    public OrderService() {
        ManagedChannel channel = ManagedChannelBuilder.forTarget("directory:50051").usePlaintext().build();
        this.directory = DirectoryGrpc.newBlockingStub(channel);
    }

    public String place(String email, String cardNumber) {
        LookupReply reply = directory.lookup(LookupRequest.newBuilder().setEmail(email).build());
        log.info("customer {} found: {}", reply.getId(), reply.getFound());
        log.info("card ends with a check digit: {}", cardNumber.endsWith("0"));
        log.info("order for {}", email); // expect: pii-to-log user.contact.email
        return reply.getId();
    }
}
