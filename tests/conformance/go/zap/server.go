package main

import (
	"net/http"

	"go.uber.org/zap"
)

type Server struct {
	log   *zap.Logger
	sugar *zap.SugaredLogger
}

func (s *Server) updateProfile(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	s.log.Info("profile update", zap.String("email", email)) // expect: pii-to-log user.contact.email
	s.log.Debug("profile update", zap.Int("fields", len(r.Form)))
	reqLog := s.log.With(zap.String("client_ip", r.RemoteAddr), zap.String("request_id", r.Header.Get("X-Request-Id")))
	reqLog.Info("request received") // expect: pii-to-log user.device.ip_address
	s.sugar.Infof("updating name to %s", r.FormValue("first_name")) // expect: pii-to-log user.name.first
	s.sugar.Infow("profile saved", "status", http.StatusOK)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) deleteProfile(p *Profile) {
	sugar := s.log.Sugar().With("email", p.Email)
	sugar.Warn("profile deleted") // expect: pii-to-log user.contact.email
	s.log.Warn("profile deleted", zap.String("profile", p.ID))
}

func auditLogin(p *Profile, password string) {
	logger, _ := zap.NewProduction()
	logger.Error("login failed", zap.String("password", password)) // expect: pii-to-log user.authorization.password
	logger.Info("login checked", zap.Bool("has_password", password != ""))
	dev := zap.Must(zap.NewDevelopment())
	dev.Debug("login user", zap.Any("ip", p.IPAddress)) // expect: pii-to-log user.device.ip_address
	logger.Sugar().Infow("login audit", "email", p.Email) // expect: pii-to-log user.contact.email
	logger.Sugar().Infow("login audit done", "profile", p.ID)
}
