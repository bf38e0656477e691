LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}


def validate(row):
    if "ssn" not in row:
        raise ValueError("missing field")
