"""Webhooks: the endpoints city systems register, and the worker that delivers each event
from the outbox to them, signed, retried and, in the end, kept as a dead letter."""
