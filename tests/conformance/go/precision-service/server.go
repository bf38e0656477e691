package main

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"go.uber.org/zap"
	"google.golang.org/grpc"

	pb "example.com/accounts/gen/userpb"
)

type Accounts struct {
	dir pb.DirectoryClient
	log *zap.Logger
}

func NewAccounts(conn *grpc.ClientConn) *Accounts {
	logger, _ := zap.NewProduction()
	return &Accounts{dir: pb.NewDirectoryClient(conn), log: logger}
}

// Register is called by the HTTP layer with the form's fields.
func (a *Accounts) Register(ctx context.Context, email string, phone string) error {
	addr, err := mail.ParseAddress(email)
	if err != nil {
		// the parse error of a library: not the address itself
		a.log.Warn("invalid address", zap.Error(err))
		return err
	}
	a.log.Info("registering", zap.String("email", email), zap.Bool("named", addr.Name != "")) // expect: pii-to-log user.contact.email
	reply, err := a.dir.Lookup(ctx, &pb.LookupRequest{Email: email})
	if err != nil {
		a.log.Error("directory lookup failed", zap.Error(err))
		return fmt.Errorf("lookup: %w", err)
	}
	// the directory's answer, not our request
	a.log.Info("directory answered", zap.String("id", reply.GetId()), zap.String("status", reply.Status))
	if strings.Contains(phone, "+") {
		a.log.Debug("international number", zap.Int("digits", len(phone)))
	}
	if phone == "" {
		return errors.New("phone required")
	}
	a.log.Debug("contact", zap.String("phone", phone)) // expect: pii-to-log user.contact.phone_number
	return nil
}
