"""The application's loggers, made once and imported where they are used."""
import logging

audit = logging.getLogger("audit")
access = logging.LoggerAdapter(logging.getLogger("access"), {"app": "signup"})
