package com.y;

public class Caller {
    public void call(io.grpc.Channel channel, String email) {
        BillingGrpc.BillingBlockingStub stub = BillingGrpc.newBlockingStub(channel);
        CreateCustomerRequest req = CreateCustomerRequest.newBuilder().setEmail(email).build();
        stub.createCustomer(req);
    }
}
