from app.core.errors import Conflict, NotFound, RuleViolation


class SubscriptionNotFound(NotFound):
    type = "webhook-subscription-not-found"
    title = "Webhook subscription not found"


class DeliveryNotFound(NotFound):
    type = "webhook-delivery-not-found"
    title = "Webhook delivery not found"


class TargetNotAllowed(RuleViolation):
    type = "webhook-target-not-allowed"
    title = "Webhooks may not be sent to this address"


class EventTypeUnknown(RuleViolation):
    type = "webhook-event-type-unknown"
    title = "No such event type"


class SubscriptionInactive(Conflict):
    type = "webhook-subscription-inactive"
    title = "The subscription is not active"


class DeliveryNotDead(Conflict):
    type = "webhook-delivery-not-dead"
    title = "Only a dead letter can be sent again"
