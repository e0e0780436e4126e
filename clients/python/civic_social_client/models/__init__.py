"""Contains all the data models used in inputs/outputs"""

from .account_decision import AccountDecision
from .account_kind import AccountKind
from .account_posture import AccountPosture
from .account_read import AccountRead
from .account_request import AccountRequest
from .account_security import AccountSecurity
from .account_status import AccountStatus
from .account_summary import AccountSummary
from .account_update import AccountUpdate
from .acknowledgement_create import AcknowledgementCreate
from .acknowledgement_read import AcknowledgementRead
from .action import Action
from .action_create import ActionCreate
from .action_kind import ActionKind
from .action_outcome import ActionOutcome
from .action_read import ActionRead
from .actions_by_kind import ActionsByKind
from .actor_kind import ActorKind
from .adoption import Adoption
from .adoption_record import AdoptionRecord
from .adoption_record_vote_type_0 import AdoptionRecordVoteType0
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_read import ApiKeyRead
from .api_key_revoke import ApiKeyRevoke
from .appeal_create import AppealCreate
from .appeal_decision import AppealDecision
from .appeal_decision_outcome import AppealDecisionOutcome
from .appeal_read import AppealRead
from .appeal_receipt import AppealReceipt
from .appeal_status import AppealStatus
from .audit_event_read import AuditEventRead
from .audit_event_read_after_type_0 import AuditEventReadAfterType0
from .audit_event_read_before_type_0 import AuditEventReadBeforeType0
from .batch_item_result import BatchItemResult
from .batch_item_result_problem_type_0 import BatchItemResultProblemType0
from .block_decision import BlockDecision
from .block_read import BlockRead
from .block_status import BlockStatus
from .candidate_create import CandidateCreate
from .candidate_read import CandidateRead
from .candidate_update import CandidateUpdate
from .category import Category
from .chain_verification import ChainVerification
from .citation import Citation
from .clause_brief import ClauseBrief
from .clause_change_read import ClauseChangeRead
from .clause_citation import ClauseCitation
from .clause_create import ClauseCreate
from .clause_kind import ClauseKind
from .clause_node import ClauseNode
from .clause_read import ClauseRead
from .clause_tree import ClauseTree
from .clause_update import ClauseUpdate
from .comment_create import CommentCreate
from .comment_detail import CommentDetail
from .comment_read import CommentRead
from .comment_status import CommentStatus
from .commenter_count import CommenterCount
from .comments_list_comments_screening_decision_type_0 import CommentsListCommentsScreeningDecisionType0
from .competency_create import CompetencyCreate
from .competency_read import CompetencyRead
from .completion_batch import CompletionBatch
from .completion_batch_result import CompletionBatchResult
from .completion_create import CompletionCreate
from .completion_read import CompletionRead
from .compliance_report import ComplianceReport
from .compliance_report_expiring import ComplianceReportExpiring
from .compliance_row import ComplianceRow
from .content_kind import ContentKind
from .coverage_answer import CoverageAnswer
from .coverage_question import CoverageQuestion
from .coverage_rule import CoverageRule
from .coverage_rule_effect import CoverageRuleEffect
from .covered_person_type import CoveredPersonType
from .decision import Decision
from .delivery_read import DeliveryRead
from .delivery_status import DeliveryStatus
from .department_create import DepartmentCreate
from .department_read import DepartmentRead
from .department_update import DepartmentUpdate
from .election_create import ElectionCreate
from .election_read import ElectionRead
from .election_update import ElectionUpdate
from .eligibility_read import EligibilityRead
from .enforced_clause import EnforcedClause
from .event_type_read import EventTypeRead
from .field_change_read import FieldChangeRead
from .field_error import FieldError
from .finding_read import FindingRead
from .gap_read import GapRead
from .grant_create import GrantCreate
from .grant_read import GrantRead
from .grant_revoke import GrantRevoke
from .grant_role import GrantRole
from .grant_status import GrantStatus
from .health import Health
from .legal_hold_create import LegalHoldCreate
from .legal_hold_read import LegalHoldRead
from .legal_hold_release import LegalHoldRelease
from .media_in import MediaIn
from .moderator_count import ModeratorCount
from .module_create import ModuleCreate
from .module_read import ModuleRead
from .module_retire import ModuleRetire
from .neutrality_report import NeutralityReport
from .notice import Notice
from .offboarding import Offboarding
from .offboarding_result import OffboardingResult
from .official_account_kind import OfficialAccountKind
from .page_account_read import PageAccountRead
from .page_acknowledgement_read import PageAcknowledgementRead
from .page_action_read import PageActionRead
from .page_api_key_read import PageApiKeyRead
from .page_appeal_read import PageAppealRead
from .page_audit_event_read import PageAuditEventRead
from .page_block_read import PageBlockRead
from .page_candidate_read import PageCandidateRead
from .page_clause_read import PageClauseRead
from .page_comment_read import PageCommentRead
from .page_competency_read import PageCompetencyRead
from .page_completion_read import PageCompletionRead
from .page_delivery_read import PageDeliveryRead
from .page_department_read import PageDepartmentRead
from .page_election_read import PageElectionRead
from .page_grant_read import PageGrantRead
from .page_legal_hold_read import PageLegalHoldRead
from .page_module_read import PageModuleRead
from .page_person_read import PagePersonRead
from .page_policy_read import PagePolicyRead
from .page_post_read import PagePostRead
from .page_reason_code_read import PageReasonCodeRead
from .page_reconciliation_read import PageReconciliationRead
from .page_review_read import PageReviewRead
from .page_ruleset_read import PageRulesetRead
from .page_screening_read import PageScreeningRead
from .page_search_hit import PageSearchHit
from .page_subscription_read import PageSubscriptionRead
from .page_term_read import PageTermRead
from .page_version_read import PageVersionRead
from .person_create import PersonCreate
from .person_read import PersonRead
from .person_status import PersonStatus
from .person_type import PersonType
from .person_update import PersonUpdate
from .platform import Platform
from .policy_create import PolicyCreate
from .policy_read import PolicyRead
from .policy_role import PolicyRole
from .policy_update import PolicyUpdate
from .policy_version_ref import PolicyVersionRef
from .post_create import PostCreate
from .post_read import PostRead
from .posture_finding_read import PostureFindingRead
from .posture_report import PostureReport
from .posture_report_by_code import PostureReportByCode
from .posture_report_by_severity import PostureReportBySeverity
from .posture_severity import PostureSeverity
from .problem import Problem
from .readiness import Readiness
from .reason_code_create import ReasonCodeCreate
from .reason_code_read import ReasonCodeRead
from .reason_code_update import ReasonCodeUpdate
from .reason_count import ReasonCount
from .reconciliation_create import ReconciliationCreate
from .reconciliation_finding import ReconciliationFinding
from .reconciliation_read import ReconciliationRead
from .reconciliation_status import ReconciliationStatus
from .records_export_records_format import RecordsExportRecordsFormat
from .recovery_contact import RecoveryContact
from .repeal import Repeal
from .repeal_record import RepealRecord
from .retention_class import RetentionClass
from .review_decision import ReviewDecision
from .review_outcome import ReviewOutcome
from .review_read import ReviewRead
from .review_status import ReviewStatus
from .revocation_cause import RevocationCause
from .revoked_key import RevokedKey
from .role import Role
from .roster_entry import RosterEntry
from .rotation_needed import RotationNeeded
from .rule_in import RuleIn
from .rule_read import RuleRead
from .rule_read_actions import RuleReadActions
from .ruleset_create import RulesetCreate
from .ruleset_create_rules_type_0 import RulesetCreateRulesType0
from .ruleset_read import RulesetRead
from .ruleset_read_rules import RulesetReadRules
from .ruleset_update import RulesetUpdate
from .ruleset_update_rules import RulesetUpdateRules
from .screening_batch import ScreeningBatch
from .screening_batch_read import ScreeningBatchRead
from .screening_read import ScreeningRead
from .screening_request import ScreeningRequest
from .search_hit import SearchHit
from .security_update import SecurityUpdate
from .service_role import ServiceRole
from .severity import Severity
from .subscription_create import SubscriptionCreate
from .subscription_read import SubscriptionRead
from .subscription_update import SubscriptionUpdate
from .subscription_with_secret import SubscriptionWithSecret
from .suspension_sweep_result import SuspensionSweepResult
from .sweep_request import SweepRequest
from .sweep_result import SweepResult
from .term_create import TermCreate
from .term_read import TermRead
from .terms_of_engagement import TermsOfEngagement
from .training_training_compliance_format import TrainingTrainingComplianceFormat
from .training_training_compliance_group_by import TrainingTrainingComplianceGroupBy
from .transition import Transition
from .verification import Verification
from .version_create import VersionCreate
from .version_diff import VersionDiff
from .version_read import VersionRead
from .version_read_coverage_rules_item import VersionReadCoverageRulesItem
from .version_status import VersionStatus
from .version_summary import VersionSummary
from .version_update import VersionUpdate
from .vote import Vote
from .who_am_i import WhoAmI
from .word_change import WordChange
from .word_change_op import WordChangeOp

__all__ = (
    "AccountDecision",
    "AccountKind",
    "AccountPosture",
    "AccountRead",
    "AccountRequest",
    "AccountSecurity",
    "AccountStatus",
    "AccountSummary",
    "AccountUpdate",
    "AcknowledgementCreate",
    "AcknowledgementRead",
    "Action",
    "ActionCreate",
    "ActionKind",
    "ActionOutcome",
    "ActionRead",
    "ActionsByKind",
    "ActorKind",
    "Adoption",
    "AdoptionRecord",
    "AdoptionRecordVoteType0",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyRead",
    "ApiKeyRevoke",
    "AppealCreate",
    "AppealDecision",
    "AppealDecisionOutcome",
    "AppealRead",
    "AppealReceipt",
    "AppealStatus",
    "AuditEventRead",
    "AuditEventReadAfterType0",
    "AuditEventReadBeforeType0",
    "BatchItemResult",
    "BatchItemResultProblemType0",
    "BlockDecision",
    "BlockRead",
    "BlockStatus",
    "CandidateCreate",
    "CandidateRead",
    "CandidateUpdate",
    "Category",
    "ChainVerification",
    "Citation",
    "ClauseBrief",
    "ClauseChangeRead",
    "ClauseCitation",
    "ClauseCreate",
    "ClauseKind",
    "ClauseNode",
    "ClauseRead",
    "ClauseTree",
    "ClauseUpdate",
    "CommentCreate",
    "CommentDetail",
    "CommenterCount",
    "CommentRead",
    "CommentsListCommentsScreeningDecisionType0",
    "CommentStatus",
    "CompetencyCreate",
    "CompetencyRead",
    "CompletionBatch",
    "CompletionBatchResult",
    "CompletionCreate",
    "CompletionRead",
    "ComplianceReport",
    "ComplianceReportExpiring",
    "ComplianceRow",
    "ContentKind",
    "CoverageAnswer",
    "CoverageQuestion",
    "CoverageRule",
    "CoverageRuleEffect",
    "CoveredPersonType",
    "Decision",
    "DeliveryRead",
    "DeliveryStatus",
    "DepartmentCreate",
    "DepartmentRead",
    "DepartmentUpdate",
    "ElectionCreate",
    "ElectionRead",
    "ElectionUpdate",
    "EligibilityRead",
    "EnforcedClause",
    "EventTypeRead",
    "FieldChangeRead",
    "FieldError",
    "FindingRead",
    "GapRead",
    "GrantCreate",
    "GrantRead",
    "GrantRevoke",
    "GrantRole",
    "GrantStatus",
    "Health",
    "LegalHoldCreate",
    "LegalHoldRead",
    "LegalHoldRelease",
    "MediaIn",
    "ModeratorCount",
    "ModuleCreate",
    "ModuleRead",
    "ModuleRetire",
    "NeutralityReport",
    "Notice",
    "Offboarding",
    "OffboardingResult",
    "OfficialAccountKind",
    "PageAccountRead",
    "PageAcknowledgementRead",
    "PageActionRead",
    "PageApiKeyRead",
    "PageAppealRead",
    "PageAuditEventRead",
    "PageBlockRead",
    "PageCandidateRead",
    "PageClauseRead",
    "PageCommentRead",
    "PageCompetencyRead",
    "PageCompletionRead",
    "PageDeliveryRead",
    "PageDepartmentRead",
    "PageElectionRead",
    "PageGrantRead",
    "PageLegalHoldRead",
    "PageModuleRead",
    "PagePersonRead",
    "PagePolicyRead",
    "PagePostRead",
    "PageReasonCodeRead",
    "PageReconciliationRead",
    "PageReviewRead",
    "PageRulesetRead",
    "PageScreeningRead",
    "PageSearchHit",
    "PageSubscriptionRead",
    "PageTermRead",
    "PageVersionRead",
    "PersonCreate",
    "PersonRead",
    "PersonStatus",
    "PersonType",
    "PersonUpdate",
    "Platform",
    "PolicyCreate",
    "PolicyRead",
    "PolicyRole",
    "PolicyUpdate",
    "PolicyVersionRef",
    "PostCreate",
    "PostRead",
    "PostureFindingRead",
    "PostureReport",
    "PostureReportByCode",
    "PostureReportBySeverity",
    "PostureSeverity",
    "Problem",
    "Readiness",
    "ReasonCodeCreate",
    "ReasonCodeRead",
    "ReasonCodeUpdate",
    "ReasonCount",
    "ReconciliationCreate",
    "ReconciliationFinding",
    "ReconciliationRead",
    "ReconciliationStatus",
    "RecordsExportRecordsFormat",
    "RecoveryContact",
    "Repeal",
    "RepealRecord",
    "RetentionClass",
    "ReviewDecision",
    "ReviewOutcome",
    "ReviewRead",
    "ReviewStatus",
    "RevocationCause",
    "RevokedKey",
    "Role",
    "RosterEntry",
    "RotationNeeded",
    "RuleIn",
    "RuleRead",
    "RuleReadActions",
    "RulesetCreate",
    "RulesetCreateRulesType0",
    "RulesetRead",
    "RulesetReadRules",
    "RulesetUpdate",
    "RulesetUpdateRules",
    "ScreeningBatch",
    "ScreeningBatchRead",
    "ScreeningRead",
    "ScreeningRequest",
    "SearchHit",
    "SecurityUpdate",
    "ServiceRole",
    "Severity",
    "SubscriptionCreate",
    "SubscriptionRead",
    "SubscriptionUpdate",
    "SubscriptionWithSecret",
    "SuspensionSweepResult",
    "SweepRequest",
    "SweepResult",
    "TermCreate",
    "TermRead",
    "TermsOfEngagement",
    "TrainingTrainingComplianceFormat",
    "TrainingTrainingComplianceGroupBy",
    "Transition",
    "Verification",
    "VersionCreate",
    "VersionDiff",
    "VersionRead",
    "VersionReadCoverageRulesItem",
    "VersionStatus",
    "VersionSummary",
    "VersionUpdate",
    "Vote",
    "WhoAmI",
    "WordChange",
    "WordChangeOp",
)
