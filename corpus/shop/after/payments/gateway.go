package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

// The card gateway is a third party outside the shop.
const gatewayURL = "https://api.cardgateway.example/v1/authorizations"

// Authorization is the gateway's answer.
type Authorization struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// authorize asks the gateway to hold the amount on the card.
func authorize(req ChargeRequest) (*Authorization, error) {
	// Marshalling a map of strings and numbers cannot fail.
	payload, _ := json.Marshal(map[string]any{
		"number":   req.CardNumber,
		"amount":   req.AmountCents,
		"currency": req.Currency,
	})
	resp, err := http.Post(gatewayURL, "application/json", bytes.NewReader(payload))
	if err != nil {
		return nil, fmt.Errorf("gateway unreachable: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return nil, fmt.Errorf("gateway refused card %s: %s", req.CardNumber, resp.Status)
	}
	var out Authorization
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return &out, nil
}
