"""The authorization matrix: which roles may call each operation, written down here as the
town's rules say, apart from the code. The tests check that the contract advertises exactly
this table (x-required-roles) and that the service enforces it: every operation is called
with every role and without credentials, and a refusal for want of a role must happen
exactly where the table says.

Roles: admin (passes every check), approver (the CAO or a designate), moderator, staff,
auditor, integration (other city systems). Which records a caller then reaches (their own
accounts, for moderators and staff) is the object-level rule, tested per domain."""

# ruff: noqa: E501  (a table reads best a row a line, with the route beside it)
from __future__ import annotations

from app.core.actor import Role

A, AP, M, S, AU, IN = (
    Role.ADMIN,
    Role.APPROVER,
    Role.MODERATOR,
    Role.STAFF,
    Role.AUDITOR,
    Role.INTEGRATION,
)
PUBLIC: frozenset[Role] = frozenset()  # no credentials needed
EVERYONE = frozenset({A, AP, M, S, AU, IN})
ADMIN_ONLY = frozenset({A})
APPROVERS = frozenset({A, AP})
AUDITORS = frozenset({A, AU})
OVERSEERS = frozenset({A, AP, AU})  # reports, holds: the CAO's office and the records clerk
CITY_SYSTEMS = frozenset({A, IN})  # HR roster, the learning system, platform readers
DRAFTERS = frozenset({A, AP, S})  # policy drafts, elections
ACCOUNT_MANAGERS = frozenset({A, AP, M, S})
MODERATORS = frozenset({A, AP, M})
REVIEWERS = frozenset({A, M})  # screening reviews: moderators decide
SCREENERS = frozenset({A, AP, M, S, IN})

# operationId -> the roles that may call it (PUBLIC: anyone, without credentials).
MATRIX: dict[str, frozenset[Role]] = {
    # health
    "health-livez": PUBLIC,  # GET /livez
    "health-readyz": PUBLIC,  # GET /readyz
    # screening
    "screening-screen": SCREENERS,  # POST /api/v1/screenings
    "screening-list_screenings": EVERYONE,  # GET /api/v1/screenings
    "screening-screen_batch": SCREENERS,  # POST /api/v1/screenings/batch
    "screening-get_screening": EVERYONE,  # GET /api/v1/screenings/{screening_id}
    "screening-list_reviews": EVERYONE,  # GET /api/v1/screening-reviews
    "screening-get_review": EVERYONE,  # GET /api/v1/screening-reviews/{review_id}
    "screening-decide_review": REVIEWERS,  # POST /api/v1/screening-reviews/{review_id}/decision
    "screening-list_rulesets": EVERYONE,  # GET /api/v1/screening-rulesets
    "screening-create_ruleset": ADMIN_ONLY,  # POST /api/v1/screening-rulesets
    "screening-get_ruleset": EVERYONE,  # GET /api/v1/screening-rulesets/{ruleset_id}
    "screening-update_ruleset": ADMIN_ONLY,  # PATCH /api/v1/screening-rulesets/{ruleset_id}
    "screening-list_terms": EVERYONE,  # GET /api/v1/screening-rulesets/{ruleset_id}/terms
    "screening-add_term": ADMIN_ONLY,  # POST /api/v1/screening-rulesets/{ruleset_id}/terms
    "screening-remove_term": ADMIN_ONLY,  # DELETE /api/v1/screening-rulesets/{ruleset_id}/terms/{term_id}
    # people
    "people-list_people": EVERYONE,  # GET /api/v1/people
    "people-create_person": CITY_SYSTEMS,  # POST /api/v1/people
    "people-get_person": EVERYONE,  # GET /api/v1/people/{person_id}
    "people-update_person": CITY_SYSTEMS,  # PATCH /api/v1/people/{person_id}
    "people-offboard": CITY_SYSTEMS,  # POST /api/v1/people/{person_id}/offboarding
    # departments
    "departments-list_departments": EVERYONE,  # GET /api/v1/departments
    "departments-create_department": CITY_SYSTEMS,  # POST /api/v1/departments
    "departments-get_department": EVERYONE,  # GET /api/v1/departments/{department_id}
    "departments-update_department": CITY_SYSTEMS,  # PATCH /api/v1/departments/{department_id}
    "departments-archive_department": CITY_SYSTEMS,  # DELETE /api/v1/departments/{department_id}
    # accounts
    "accounts-list_accounts": EVERYONE,  # GET /api/v1/accounts
    "accounts-request_account": ACCOUNT_MANAGERS,  # POST /api/v1/accounts
    "accounts-posture_report": OVERSEERS,  # GET /api/v1/accounts/posture-report
    "accounts-sweep_dormant": ADMIN_ONLY,  # POST /api/v1/accounts/dormancy-sweep
    "accounts-get_account": EVERYONE,  # GET /api/v1/accounts/{account_id}
    "accounts-update_account": ACCOUNT_MANAGERS,  # PATCH /api/v1/accounts/{account_id}
    "accounts-update_security": ACCOUNT_MANAGERS,  # PATCH /api/v1/accounts/{account_id}/security
    "accounts-account_posture": EVERYONE,  # GET /api/v1/accounts/{account_id}/posture
    "accounts-approve_account": APPROVERS,  # POST /api/v1/accounts/{account_id}/approve
    "accounts-reject_account": APPROVERS,  # POST /api/v1/accounts/{account_id}/reject
    "accounts-activate_account": ACCOUNT_MANAGERS,  # POST /api/v1/accounts/{account_id}/activate
    "accounts-decommission_account": APPROVERS,  # POST /api/v1/accounts/{account_id}/decommission
    # grants
    "grants-sweep_suspensions": ADMIN_ONLY,  # POST /api/v1/accounts/suspension-sweep
    "grants-list_grants": EVERYONE,  # GET /api/v1/accounts/{account_id}/grants
    "grants-create_grant": ACCOUNT_MANAGERS,  # POST /api/v1/accounts/{account_id}/grants
    "grants-get_grant": EVERYONE,  # GET /api/v1/accounts/{account_id}/grants/{grant_id}
    "grants-revoke_grant": ACCOUNT_MANAGERS,  # POST /api/v1/accounts/{account_id}/grants/{grant_id}/revoke
    # posts
    "posts-record_post": CITY_SYSTEMS,  # POST /api/v1/accounts/{account_id}/posts
    "posts-list_account_posts": EVERYONE,  # GET /api/v1/accounts/{account_id}/posts
    "posts-list_posts": EVERYONE,  # GET /api/v1/posts
    # reconciliations
    "reconciliations-reconcile": CITY_SYSTEMS,  # POST /api/v1/reconciliations
    "reconciliations-list_reconciliations": OVERSEERS,  # GET /api/v1/reconciliations
    "reconciliations-get_reconciliation": OVERSEERS,  # GET /api/v1/reconciliations/{reconciliation_id}
    "reconciliations-apply_reconciliation": CITY_SYSTEMS,  # POST /api/v1/reconciliations/{reconciliation_id}/apply
    # training
    "training-training_compliance": OVERSEERS,  # GET /api/v1/training/compliance
    "training-list_competencies": EVERYONE,  # GET /api/v1/training/competencies
    "training-create_competency": ADMIN_ONLY,  # POST /api/v1/training/competencies
    "training-list_modules": EVERYONE,  # GET /api/v1/training/modules
    "training-create_module": ADMIN_ONLY,  # POST /api/v1/training/modules
    "training-get_module": EVERYONE,  # GET /api/v1/training/modules/{module_id}
    "training-retire_module": ADMIN_ONLY,  # POST /api/v1/training/modules/{module_id}/retire
    "training-record_completion": CITY_SYSTEMS,  # POST /api/v1/training/completions
    "training-list_completions": EVERYONE,  # GET /api/v1/training/completions
    "training-record_completions": CITY_SYSTEMS,  # POST /api/v1/training/completions/batch
    "training-get_completion": EVERYONE,  # GET /api/v1/training/completions/{completion_id}
    "training-acknowledge": SCREENERS,  # POST /api/v1/training/acknowledgements
    "training-list_acknowledgements": EVERYONE,  # GET /api/v1/training/acknowledgements
    "training-eligibility": EVERYONE,  # GET /api/v1/people/{person_id}/eligibility
    # comments
    "comments-record_comment": CITY_SYSTEMS,  # POST /api/v1/comments
    "comments-list_comments": EVERYONE,  # GET /api/v1/comments
    "comments-get_comment": EVERYONE,  # GET /api/v1/comments/{comment_id}
    "comments-act_on_comment": MODERATORS,  # POST /api/v1/comments/{comment_id}/actions
    # moderation
    "moderation-list_reason_codes": PUBLIC,  # GET /api/v1/moderation/reason-codes
    "moderation-create_reason_code": ADMIN_ONLY,  # POST /api/v1/moderation/reason-codes
    "moderation-get_reason_code": PUBLIC,  # GET /api/v1/moderation/reason-codes/{code}
    "moderation-update_reason_code": ADMIN_ONLY,  # PATCH /api/v1/moderation/reason-codes/{code}
    "moderation-list_actions": EVERYONE,  # GET /api/v1/moderation/actions
    "moderation-get_action": EVERYONE,  # GET /api/v1/moderation/actions/{action_id}
    "moderation-get_notice": MODERATORS,  # GET /api/v1/moderation/actions/{action_id}/notice
    "moderation-list_blocks": EVERYONE,  # GET /api/v1/moderation/blocks
    "moderation-get_block": EVERYONE,  # GET /api/v1/moderation/blocks/{block_id}
    "moderation-decide_block": MODERATORS,  # POST /api/v1/moderation/blocks/{block_id}/decision
    "moderation-list_appeals": EVERYONE,  # GET /api/v1/moderation/appeals
    "moderation-get_appeal": EVERYONE,  # GET /api/v1/moderation/appeals/{appeal_id}
    "moderation-decide_appeal": MODERATORS,  # POST /api/v1/moderation/appeals/{appeal_id}/decision
    # records
    "records-place_hold": OVERSEERS,  # POST /api/v1/moderation/legal-holds
    "records-list_holds": OVERSEERS,  # GET /api/v1/moderation/legal-holds
    "records-get_hold": OVERSEERS,  # GET /api/v1/moderation/legal-holds/{hold_id}
    "records-release_hold": OVERSEERS,  # POST /api/v1/moderation/legal-holds/{hold_id}/release
    "records-export_records": AUDITORS,  # GET /api/v1/moderation/export
    "records-neutrality_report": OVERSEERS,  # GET /api/v1/moderation/neutrality-report
    # policies
    "policies-get_clause": EVERYONE,  # GET /api/v1/policies/{policy_id}/versions/{version_id}/clauses/{ref}
    "policies-update_clause": DRAFTERS,  # PATCH /api/v1/policies/{policy_id}/versions/{version_id}/clauses/{ref}
    "policies-delete_clause": DRAFTERS,  # DELETE /api/v1/policies/{policy_id}/versions/{version_id}/clauses/{ref}
    "policies-search_policies": EVERYONE,  # GET /api/v1/policies/search
    "policies-list_policies": EVERYONE,  # GET /api/v1/policies
    "policies-create_policy": DRAFTERS,  # POST /api/v1/policies
    "policies-get_policy": EVERYONE,  # GET /api/v1/policies/{policy_id}
    "policies-update_policy": DRAFTERS,  # PATCH /api/v1/policies/{policy_id}
    "policies-get_version_in_force": EVERYONE,  # GET /api/v1/policies/{policy_id}/in-force
    "policies-ask_coverage": EVERYONE,  # POST /api/v1/policies/{policy_id}/coverage
    "policies-list_versions": EVERYONE,  # GET /api/v1/policies/{policy_id}/versions
    "policies-create_version": DRAFTERS,  # POST /api/v1/policies/{policy_id}/versions
    "policies-get_version": EVERYONE,  # GET /api/v1/policies/{policy_id}/versions/{version_id}
    "policies-update_version": DRAFTERS,  # PATCH /api/v1/policies/{policy_id}/versions/{version_id}
    "policies-discard_draft": DRAFTERS,  # DELETE /api/v1/policies/{policy_id}/versions/{version_id}
    "policies-adopt_version": APPROVERS,  # POST /api/v1/policies/{policy_id}/versions/{version_id}/adopt
    "policies-repeal_version": APPROVERS,  # POST /api/v1/policies/{policy_id}/versions/{version_id}/repeal
    "policies-list_clauses": EVERYONE,  # GET /api/v1/policies/{policy_id}/versions/{version_id}/clauses
    "policies-add_clause": DRAFTERS,  # POST /api/v1/policies/{policy_id}/versions/{version_id}/clauses
    "policies-get_clause_tree": EVERYONE,  # GET /api/v1/policies/{policy_id}/versions/{version_id}/tree
    "policies-list_definitions": EVERYONE,  # GET /api/v1/policies/{policy_id}/versions/{version_id}/definitions
    "policies-list_responsibilities": EVERYONE,  # GET /api/v1/policies/{policy_id}/versions/{version_id}/responsibilities/{role}
    "policies-export_version": EVERYONE,  # GET /api/v1/policies/{policy_id}/versions/{version_id}/export
    "policies-diff_versions": EVERYONE,  # GET /api/v1/policies/{policy_id}/versions/{version_id}/diff/{other_version_id}
    "policies-get_terms_of_engagement": PUBLIC,  # GET /api/v1/terms-of-engagement
    # auth
    "auth-whoami": EVERYONE,  # GET /api/v1/auth/whoami
    # api
    "api-keys-list_api_keys": ADMIN_ONLY,  # GET /api/v1/api-keys
    "api-keys-create_api_key": ADMIN_ONLY,  # POST /api/v1/api-keys
    "api-keys-get_api_key": ADMIN_ONLY,  # GET /api/v1/api-keys/{key_id}
    "api-keys-revoke_api_key": ADMIN_ONLY,  # POST /api/v1/api-keys/{key_id}/revoke
    # audit
    "audit-list_audit_events": AUDITORS,  # GET /api/v1/audit-events
    "audit-verify_audit_chain": AUDITORS,  # GET /api/v1/audit-events/verify
    "audit-get_audit_event": AUDITORS,  # GET /api/v1/audit-events/{seq}
    # elections
    "elections-list_elections": EVERYONE,  # GET /api/v1/elections
    "elections-create_election": DRAFTERS,  # POST /api/v1/elections
    "elections-get_election": EVERYONE,  # GET /api/v1/elections/{election_id}
    "elections-update_election": DRAFTERS,  # PATCH /api/v1/elections/{election_id}
    "elections-delete_election": DRAFTERS,  # DELETE /api/v1/elections/{election_id}
    "elections-list_candidates": EVERYONE,  # GET /api/v1/elections/{election_id}/candidates
    "elections-register_candidate": DRAFTERS,  # POST /api/v1/elections/{election_id}/candidates
    "elections-get_candidate": EVERYONE,  # GET /api/v1/elections/{election_id}/candidates/{candidate_id}
    "elections-update_candidate": DRAFTERS,  # PATCH /api/v1/elections/{election_id}/candidates/{candidate_id}
    "elections-withdraw_candidate": DRAFTERS,  # DELETE /api/v1/elections/{election_id}/candidates/{candidate_id}
    # webhooks
    "webhooks-list_event_types": ADMIN_ONLY,  # GET /api/v1/webhooks/event-types
    "webhooks-create_subscription": ADMIN_ONLY,  # POST /api/v1/webhooks
    "webhooks-list_subscriptions": ADMIN_ONLY,  # GET /api/v1/webhooks
    "webhooks-get_subscription": ADMIN_ONLY,  # GET /api/v1/webhooks/{subscription_id}
    "webhooks-update_subscription": ADMIN_ONLY,  # PATCH /api/v1/webhooks/{subscription_id}
    "webhooks-rotate_secret": ADMIN_ONLY,  # POST /api/v1/webhooks/{subscription_id}/rotate-secret
    "webhooks-send_test": ADMIN_ONLY,  # POST /api/v1/webhooks/{subscription_id}/test
    "webhooks-list_deliveries": ADMIN_ONLY,  # GET /api/v1/webhooks/{subscription_id}/deliveries
    "webhooks-get_delivery": ADMIN_ONLY,  # GET /api/v1/webhooks/{subscription_id}/deliveries/{delivery_id}
    "webhooks-retry_delivery": ADMIN_ONLY,  # POST /api/v1/webhooks/{subscription_id}/deliveries/{delivery_id}/retry
    # public
    "public-verify_account": PUBLIC,  # GET /api/v1/public/accounts/verify
    "public-submit_appeal": PUBLIC,  # POST /api/v1/public/appeals
    "public-terms_of_engagement_page": PUBLIC,  # GET /terms-of-engagement
}
