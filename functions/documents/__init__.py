"""Documents the product prints: pairing sheets (PDF)."""
