"""The users service: accounts, their contact details and cards."""
