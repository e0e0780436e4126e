"""Events: the transactional outbox of what happened, and the catalogue of event types other
city systems can subscribe to (delivery is app.webhooks')."""
