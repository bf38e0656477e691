package main

import (
	"context"
	"encoding/json"
	"log"

	"github.com/redis/go-redis/v9"

	billingv1 "example.com/mesh/billing/gen/billingv1"
)

// billingServer implements billing.v1.Billing.
type billingServer struct {
	billingv1.UnimplementedBillingServer
	rdb *redis.Client
}

type invoiceEvent struct {
	Email  string `json:"email"`
	Amount int64  `json:"amount"`
}

func (s *billingServer) CreateCustomer(ctx context.Context, req *billingv1.CreateCustomerRequest) (*billingv1.CreateCustomerReply, error) {
	log.Printf("new billing customer %s", req.Email)
	payload, _ := json.Marshal(invoiceEvent{Email: req.Email, Amount: 0})
	s.rdb.Publish(ctx, "invoices", payload)
	return &billingv1.CreateCustomerReply{CustomerId: "c-1"}, nil
}

func (s *billingServer) UpdateCard(ctx context.Context, req *billingv1.UpdateCardRequest) (*billingv1.UpdateCardReply, error) {
	log.Printf("card on file for user %d is now %s", req.UserId, req.CardNumber)
	return &billingv1.UpdateCardReply{Ok: true}, nil
}
