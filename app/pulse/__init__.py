"""The pulse surface."""
