"""Content screening: rulesets tied to a policy version, elections and candidates,
screenings of drafts and public comments, and the review queue."""
