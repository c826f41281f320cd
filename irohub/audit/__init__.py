"""Audit: an append-only record of who saw and changed what."""
