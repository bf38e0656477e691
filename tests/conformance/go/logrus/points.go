package main

import (
	"os"

	"github.com/sirupsen/logrus"
)

type PointsService struct {
	logger *logrus.Logger
	entry  *logrus.Entry
}

func NewPointsService() *PointsService {
	logger := logrus.New()
	logger.Out = os.Stderr
	return &PointsService{logger: logger, entry: logger.WithField("component", "points")}
}

func (s *PointsService) Redeem(m *Member, points int) {
	s.logger.Infof("redeeming %d points", points)
	s.logger.WithFields(logrus.Fields{"email": m.Email, "points": points}).Info("redeemed") // expect: pii-to-log user.contact.email
	s.entry.Debugf("member mobile %s", m.MobileNumber) // expect: pii-to-log user.contact.phone_number
	s.entry.WithError(os.ErrNotExist).Error("redeem failed")
	std := logrus.StandardLogger()
	std.Warnln("redeem for", m.Email) // expect: pii-to-log user.contact.email
}
