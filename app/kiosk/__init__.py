"""The kiosk: the wall tablet's check-in, its pairing and its offline outbox."""
