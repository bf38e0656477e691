package main

import (
	"net/http"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

type Profile struct {
	ID        string
	Email     string
	FirstName string
	LastName  string
	SSN       string
	IPAddress string
}

func newLogger() *zap.Logger {
	cfg := zap.NewProductionConfig()
	cfg.Level = zap.NewAtomicLevelAt(zapcore.DebugLevel)
	cfg.OutputPaths = []string{"stdout", "/var/log/identity.log"}
	logger, err := cfg.Build()
	if err != nil {
		panic(err)
	}
	return logger
}

func main() {
	logger := newLogger()
	defer logger.Sync()
	zap.ReplaceGlobals(logger)
	srv := &Server{log: logger.Named("http"), sugar: logger.Sugar()}
	http.HandleFunc("/profile", srv.updateProfile)
	logger.Fatal("server stopped", zap.Error(http.ListenAndServe(":8080", nil)))
}

func verify(p *Profile) {
	zap.L().Info("verifying identity", zap.String("ssn", p.SSN)) // expect: pii-to-log user.government_id.national_identification_number
	zap.L().Debug("verification started", zap.String("profile", p.ID))
	zap.S().Infow("verification", "last_name", p.LastName) // expect: pii-to-log user.name.last
}
