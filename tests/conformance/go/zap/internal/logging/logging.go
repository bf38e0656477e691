// Package logging holds the service's shared loggers.
package logging

import "go.uber.org/zap"

var Audit = zap.Must(zap.NewProduction()).Named("audit")

func Sugar() *zap.SugaredLogger { return Audit.Sugar() }
