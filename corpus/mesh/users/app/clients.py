"""Calls from the users service to the billing service over gRPC."""

import os

import grpc

from billing.v1 import billing_pb2, billing_pb2_grpc

BILLING_ADDR = os.environ.get("BILLING_ADDR", "localhost:50051")
STUB = billing_pb2_grpc.BillingStub(grpc.insecure_channel(BILLING_ADDR))


def create_customer(user_id, email):
    req = billing_pb2.CreateCustomerRequest(user_id=user_id, email=email)
    return STUB.CreateCustomer(req)


def update_card(user_id, card_number):
    req = billing_pb2.UpdateCardRequest(user_id=user_id, card_number=card_number)
    return STUB.UpdateCard(req)
