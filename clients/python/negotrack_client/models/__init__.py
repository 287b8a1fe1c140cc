"""Contains all the data models used in inputs/outputs"""

from .action_enum import ActionEnum
from .agreement import Agreement
from .agreement_change_awaiting_review import AgreementChangeAwaitingReview
from .agreement_write_request import AgreementWriteRequest
from .agreements_correction_create_response_400 import AgreementsCorrectionCreateResponse400
from .agreements_create_response_400 import AgreementsCreateResponse400
from .agreements_list_include import AgreementsListInclude
from .agreements_list_response_400 import AgreementsListResponse400
from .agreements_partial_update_response_400 import AgreementsPartialUpdateResponse400
from .agreements_publish_create_response_400 import AgreementsPublishCreateResponse400
from .agreements_retrieve_include import AgreementsRetrieveInclude
from .agreements_retrieve_response_400 import AgreementsRetrieveResponse400
from .agreements_send_back_create_response_400 import AgreementsSendBackCreateResponse400
from .agreements_update_response_400 import AgreementsUpdateResponse400
from .agreements_withdraw_create_response_400 import AgreementsWithdrawCreateResponse400
from .attempt import Attempt
from .attendance import Attendance
from .attendance_change_awaiting_review import AttendanceChangeAwaitingReview
from .attendance_write_request import AttendanceWriteRequest
from .attendances_create_response_400 import AttendancesCreateResponse400
from .attendances_list_response_400 import AttendancesListResponse400
from .attendances_partial_update_response_400 import AttendancesPartialUpdateResponse400
from .attendances_retrieve_response_400 import AttendancesRetrieveResponse400
from .attendances_update_response_400 import AttendancesUpdateResponse400
from .change_enum import ChangeEnum
from .change_event import ChangeEvent
from .change_event_refs import ChangeEventRefs
from .change_event_type_enum import ChangeEventTypeEnum
from .changes_list_include import ChangesListInclude
from .changes_page import ChangesPage
from .conflict import Conflict
from .current_position import CurrentPosition
from .current_status import CurrentStatus
from .date_precision_enum import DatePrecisionEnum
from .delegation import Delegation
from .delegation_change_awaiting_review import DelegationChangeAwaitingReview
from .delegation_role_enum import DelegationRoleEnum
from .delegation_write_request import DelegationWriteRequest
from .delegations_create_response_400 import DelegationsCreateResponse400
from .delegations_list_response_400 import DelegationsListResponse400
from .delegations_list_role_type_0 import DelegationsListRoleType0
from .delegations_partial_update_response_400 import DelegationsPartialUpdateResponse400
from .delegations_retrieve_response_400 import DelegationsRetrieveResponse400
from .delegations_update_response_400 import DelegationsUpdateResponse400
from .delivery import Delivery
from .delivery_state_enum import DeliveryStateEnum
from .error import Error
from .event_enum import EventEnum
from .expired import Expired
from .figure import Figure
from .group_enum import GroupEnum
from .identifier import Identifier
from .invalid_query import InvalidQuery
from .issue import Issue
from .issue_brief import IssueBrief
from .issue_change_awaiting_review import IssueChangeAwaitingReview
from .issue_status import IssueStatus
from .issue_status_change_awaiting_review import IssueStatusChangeAwaitingReview
from .issue_status_write_request import IssueStatusWriteRequest
from .issue_write_request import IssueWriteRequest
from .issues_create_response_400 import IssuesCreateResponse400
from .issues_list_response_400 import IssuesListResponse400
from .issues_partial_update_response_400 import IssuesPartialUpdateResponse400
from .issues_retrieve_response_400 import IssuesRetrieveResponse400
from .issues_status_retrieve_response_400 import IssuesStatusRetrieveResponse400
from .issues_timeline_retrieve_format import IssuesTimelineRetrieveFormat
from .issues_timeline_retrieve_response_400 import IssuesTimelineRetrieveResponse400
from .issues_update_response_400 import IssuesUpdateResponse400
from .link import Link
from .matrix_round import MatrixRound
from .matrix_round_statuses import MatrixRoundStatuses
from .matrix_round_statuses_additional_property_type_1 import MatrixRoundStatusesAdditionalPropertyType1
from .matrix_round_statuses_additional_property_type_2_type_1 import MatrixRoundStatusesAdditionalPropertyType2Type1
from .matrix_round_statuses_additional_property_type_3_type_1 import MatrixRoundStatusesAdditionalPropertyType3Type1
from .medium_enum import MediumEnum
from .member import Member
from .membership import Membership
from .membership_change_awaiting_review import MembershipChangeAwaitingReview
from .membership_role_enum import MembershipRoleEnum
from .membership_write_request import MembershipWriteRequest
from .memberships_create_response_400 import MembershipsCreateResponse400
from .memberships_list_response_400 import MembershipsListResponse400
from .memberships_partial_update_response_400 import MembershipsPartialUpdateResponse400
from .memberships_retrieve_response_400 import MembershipsRetrieveResponse400
from .memberships_update_response_400 import MembershipsUpdateResponse400
from .notice import Notice
from .other_name import OtherName
from .paginated_agreement_list import PaginatedAgreementList
from .paginated_attendance_list import PaginatedAttendanceList
from .paginated_delegation_list import PaginatedDelegationList
from .paginated_delivery_list import PaginatedDeliveryList
from .paginated_issue_list import PaginatedIssueList
from .paginated_issue_status_list import PaginatedIssueStatusList
from .paginated_membership_list import PaginatedMembershipList
from .paginated_party_list import PaginatedPartyList
from .paginated_person_list import PaginatedPersonList
from .paginated_position_list import PaginatedPositionList
from .paginated_process_list import PaginatedProcessList
from .paginated_round_list import PaginatedRoundList
from .paginated_session_list import PaginatedSessionList
from .paginated_source_list import PaginatedSourceList
from .paginated_statement_list import PaginatedStatementList
from .paginated_subscription_list import PaginatedSubscriptionList
from .parties_create_response_400 import PartiesCreateResponse400
from .parties_list_response_400 import PartiesListResponse400
from .parties_partial_update_response_400 import PartiesPartialUpdateResponse400
from .parties_retrieve_response_400 import PartiesRetrieveResponse400
from .parties_update_response_400 import PartiesUpdateResponse400
from .party import Party
from .party_brief import PartyBrief
from .party_change_awaiting_review import PartyChangeAwaitingReview
from .party_kind_enum import PartyKindEnum
from .party_write_request import PartyWriteRequest
from .patched_agreement_write_request import PatchedAgreementWriteRequest
from .patched_attendance_write_request import PatchedAttendanceWriteRequest
from .patched_delegation_write_request import PatchedDelegationWriteRequest
from .patched_issue_status_write_request import PatchedIssueStatusWriteRequest
from .patched_issue_write_request import PatchedIssueWriteRequest
from .patched_membership_write_request import PatchedMembershipWriteRequest
from .patched_party_write_request import PatchedPartyWriteRequest
from .patched_person_write_request import PatchedPersonWriteRequest
from .patched_position_write_request import PatchedPositionWriteRequest
from .patched_process_write_request import PatchedProcessWriteRequest
from .patched_round_write_request import PatchedRoundWriteRequest
from .patched_session_write_request import PatchedSessionWriteRequest
from .patched_source_write_request import PatchedSourceWriteRequest
from .patched_statement_write_request import PatchedStatementWriteRequest
from .patched_subscription_write_request import PatchedSubscriptionWriteRequest
from .pending_revision import PendingRevision
from .pending_revision_proposed import PendingRevisionProposed
from .pending_revision_state_enum import PendingRevisionStateEnum
from .people_create_response_400 import PeopleCreateResponse400
from .people_list_response_400 import PeopleListResponse400
from .people_partial_update_response_400 import PeoplePartialUpdateResponse400
from .people_retrieve_response_400 import PeopleRetrieveResponse400
from .people_update_response_400 import PeopleUpdateResponse400
from .person import Person
from .person_brief import PersonBrief
from .person_change_awaiting_review import PersonChangeAwaitingReview
from .person_looks_known import PersonLooksKnown
from .person_write_request import PersonWriteRequest
from .popolo import Popolo
from .popolo_membership import PopoloMembership
from .popolo_organization import PopoloOrganization
from .popolo_person import PopoloPerson
from .popolo_retrieve_response_400 import PopoloRetrieveResponse400
from .position import Position
from .position_change_awaiting_review import PositionChangeAwaitingReview
from .position_write_request import PositionWriteRequest
from .positions_correction_create_response_400 import PositionsCorrectionCreateResponse400
from .positions_create_response_400 import PositionsCreateResponse400
from .positions_list_include import PositionsListInclude
from .positions_list_response_400 import PositionsListResponse400
from .positions_partial_update_response_400 import PositionsPartialUpdateResponse400
from .positions_publish_create_response_400 import PositionsPublishCreateResponse400
from .positions_retrieve_include import PositionsRetrieveInclude
from .positions_retrieve_response_400 import PositionsRetrieveResponse400
from .positions_send_back_create_response_400 import PositionsSendBackCreateResponse400
from .positions_update_response_400 import PositionsUpdateResponse400
from .positions_withdraw_create_response_400 import PositionsWithdrawCreateResponse400
from .process import Process
from .process_change_awaiting_review import ProcessChangeAwaitingReview
from .process_write_request import ProcessWriteRequest
from .processes_create_response_400 import ProcessesCreateResponse400
from .processes_list_response_400 import ProcessesListResponse400
from .processes_partial_update_response_400 import ProcessesPartialUpdateResponse400
from .processes_retrieve_response_400 import ProcessesRetrieveResponse400
from .processes_update_response_400 import ProcessesUpdateResponse400
from .proposal import Proposal
from .proposals import Proposals
from .proposed_speaker import ProposedSpeaker
from .report_as_read import ReportAsRead
from .report_request import ReportRequest
from .round_ import Round
from .round_agreement import RoundAgreement
from .round_chair import RoundChair
from .round_change_awaiting_review import RoundChangeAwaitingReview
from .round_delegation import RoundDelegation
from .round_detail import RoundDetail
from .round_format_enum import RoundFormatEnum
from .round_issue_status import RoundIssueStatus
from .round_member import RoundMember
from .round_ref import RoundRef
from .round_status_enum import RoundStatusEnum
from .round_write_request import RoundWriteRequest
from .rounds_create_response_400 import RoundsCreateResponse400
from .rounds_list_response_400 import RoundsListResponse400
from .rounds_list_status_type_0 import RoundsListStatusType0
from .rounds_partial_update_response_400 import RoundsPartialUpdateResponse400
from .rounds_proposals_create_response_400 import RoundsProposalsCreateResponse400
from .rounds_retrieve_response_400 import RoundsRetrieveResponse400
from .rounds_update_response_400 import RoundsUpdateResponse400
from .scale_enum import ScaleEnum
from .send_back_request import SendBackRequest
from .session import Session
from .session_change_awaiting_review import SessionChangeAwaitingReview
from .session_track_enum import SessionTrackEnum
from .session_write_request import SessionWriteRequest
from .sessions_create_response_400 import SessionsCreateResponse400
from .sessions_list_response_400 import SessionsListResponse400
from .sessions_list_track_type_0 import SessionsListTrackType0
from .sessions_partial_update_response_400 import SessionsPartialUpdateResponse400
from .sessions_retrieve_response_400 import SessionsRetrieveResponse400
from .sessions_update_response_400 import SessionsUpdateResponse400
from .source import Source
from .source_brief import SourceBrief
from .source_change_awaiting_review import SourceChangeAwaitingReview
from .source_write_request import SourceWriteRequest
from .sources_create_response_400 import SourcesCreateResponse400
from .sources_list_response_400 import SourcesListResponse400
from .sources_partial_update_response_400 import SourcesPartialUpdateResponse400
from .sources_retrieve_response_400 import SourcesRetrieveResponse400
from .sources_update_response_400 import SourcesUpdateResponse400
from .speaker import Speaker
from .state_enum import StateEnum
from .statement import Statement
from .statement_change_awaiting_review import StatementChangeAwaitingReview
from .statement_kind_enum import StatementKindEnum
from .statement_write_request import StatementWriteRequest
from .statements_correction_create_format import StatementsCorrectionCreateFormat
from .statements_correction_create_response_400 import StatementsCorrectionCreateResponse400
from .statements_create_format import StatementsCreateFormat
from .statements_create_response_400 import StatementsCreateResponse400
from .statements_destroy_format import StatementsDestroyFormat
from .statements_list_format import StatementsListFormat
from .statements_list_include import StatementsListInclude
from .statements_list_response_400 import StatementsListResponse400
from .statements_partial_update_format import StatementsPartialUpdateFormat
from .statements_partial_update_response_400 import StatementsPartialUpdateResponse400
from .statements_publish_create_format import StatementsPublishCreateFormat
from .statements_publish_create_response_400 import StatementsPublishCreateResponse400
from .statements_retrieve_format import StatementsRetrieveFormat
from .statements_retrieve_include import StatementsRetrieveInclude
from .statements_retrieve_response_400 import StatementsRetrieveResponse400
from .statements_send_back_create_format import StatementsSendBackCreateFormat
from .statements_send_back_create_response_400 import StatementsSendBackCreateResponse400
from .statements_update_format import StatementsUpdateFormat
from .statements_update_response_400 import StatementsUpdateResponse400
from .statements_withdraw_create_format import StatementsWithdrawCreateFormat
from .statements_withdraw_create_response_400 import StatementsWithdrawCreateResponse400
from .status_as_of import StatusAsOf
from .status_enum import StatusEnum
from .status_matrix import StatusMatrix
from .status_matrix_retrieve_format import StatusMatrixRetrieveFormat
from .status_matrix_retrieve_response_400 import StatusMatrixRetrieveResponse400
from .statuses_correction_create_response_400 import StatusesCorrectionCreateResponse400
from .statuses_create_response_400 import StatusesCreateResponse400
from .statuses_list_include import StatusesListInclude
from .statuses_list_response_400 import StatusesListResponse400
from .statuses_list_status_type_0 import StatusesListStatusType0
from .statuses_partial_update_response_400 import StatusesPartialUpdateResponse400
from .statuses_publish_create_response_400 import StatusesPublishCreateResponse400
from .statuses_retrieve_include import StatusesRetrieveInclude
from .statuses_retrieve_response_400 import StatusesRetrieveResponse400
from .statuses_send_back_create_response_400 import StatusesSendBackCreateResponse400
from .statuses_update_response_400 import StatusesUpdateResponse400
from .statuses_withdraw_create_response_400 import StatusesWithdrawCreateResponse400
from .subscription import Subscription
from .subscription_state_enum import SubscriptionStateEnum
from .subscription_with_secret import SubscriptionWithSecret
from .subscription_write_request import SubscriptionWriteRequest
from .sureness_enum import SurenessEnum
from .throttled import Throttled
from .timeline import Timeline
from .timeline_entry import TimelineEntry
from .timeline_entry_kind_enum import TimelineEntryKindEnum
from .timeline_js import TimelineJS
from .timeline_js_date import TimelineJSDate
from .timeline_js_event import TimelineJSEvent
from .timeline_js_text import TimelineJSText
from .timeline_js_title import TimelineJSTitle
from .timeline_record import TimelineRecord
from .timeline_source import TimelineSource
from .version_only_request import VersionOnlyRequest
from .webhook_event_enum import WebhookEventEnum
from .webhooks_create_response_400 import WebhooksCreateResponse400
from .webhooks_deliveries_list_response_400 import WebhooksDeliveriesListResponse400
from .webhooks_list_response_400 import WebhooksListResponse400
from .webhooks_partial_update_response_400 import WebhooksPartialUpdateResponse400
from .webhooks_update_response_400 import WebhooksUpdateResponse400
from .withdraw_request import WithdrawRequest

__all__ = (
    "ActionEnum",
    "Agreement",
    "AgreementChangeAwaitingReview",
    "AgreementsCorrectionCreateResponse400",
    "AgreementsCreateResponse400",
    "AgreementsListInclude",
    "AgreementsListResponse400",
    "AgreementsPartialUpdateResponse400",
    "AgreementsPublishCreateResponse400",
    "AgreementsRetrieveInclude",
    "AgreementsRetrieveResponse400",
    "AgreementsSendBackCreateResponse400",
    "AgreementsUpdateResponse400",
    "AgreementsWithdrawCreateResponse400",
    "AgreementWriteRequest",
    "Attempt",
    "Attendance",
    "AttendanceChangeAwaitingReview",
    "AttendancesCreateResponse400",
    "AttendancesListResponse400",
    "AttendancesPartialUpdateResponse400",
    "AttendancesRetrieveResponse400",
    "AttendancesUpdateResponse400",
    "AttendanceWriteRequest",
    "ChangeEnum",
    "ChangeEvent",
    "ChangeEventRefs",
    "ChangeEventTypeEnum",
    "ChangesListInclude",
    "ChangesPage",
    "Conflict",
    "CurrentPosition",
    "CurrentStatus",
    "DatePrecisionEnum",
    "Delegation",
    "DelegationChangeAwaitingReview",
    "DelegationRoleEnum",
    "DelegationsCreateResponse400",
    "DelegationsListResponse400",
    "DelegationsListRoleType0",
    "DelegationsPartialUpdateResponse400",
    "DelegationsRetrieveResponse400",
    "DelegationsUpdateResponse400",
    "DelegationWriteRequest",
    "Delivery",
    "DeliveryStateEnum",
    "Error",
    "EventEnum",
    "Expired",
    "Figure",
    "GroupEnum",
    "Identifier",
    "InvalidQuery",
    "Issue",
    "IssueBrief",
    "IssueChangeAwaitingReview",
    "IssuesCreateResponse400",
    "IssuesListResponse400",
    "IssuesPartialUpdateResponse400",
    "IssuesRetrieveResponse400",
    "IssuesStatusRetrieveResponse400",
    "IssueStatus",
    "IssueStatusChangeAwaitingReview",
    "IssueStatusWriteRequest",
    "IssuesTimelineRetrieveFormat",
    "IssuesTimelineRetrieveResponse400",
    "IssuesUpdateResponse400",
    "IssueWriteRequest",
    "Link",
    "MatrixRound",
    "MatrixRoundStatuses",
    "MatrixRoundStatusesAdditionalPropertyType1",
    "MatrixRoundStatusesAdditionalPropertyType2Type1",
    "MatrixRoundStatusesAdditionalPropertyType3Type1",
    "MediumEnum",
    "Member",
    "Membership",
    "MembershipChangeAwaitingReview",
    "MembershipRoleEnum",
    "MembershipsCreateResponse400",
    "MembershipsListResponse400",
    "MembershipsPartialUpdateResponse400",
    "MembershipsRetrieveResponse400",
    "MembershipsUpdateResponse400",
    "MembershipWriteRequest",
    "Notice",
    "OtherName",
    "PaginatedAgreementList",
    "PaginatedAttendanceList",
    "PaginatedDelegationList",
    "PaginatedDeliveryList",
    "PaginatedIssueList",
    "PaginatedIssueStatusList",
    "PaginatedMembershipList",
    "PaginatedPartyList",
    "PaginatedPersonList",
    "PaginatedPositionList",
    "PaginatedProcessList",
    "PaginatedRoundList",
    "PaginatedSessionList",
    "PaginatedSourceList",
    "PaginatedStatementList",
    "PaginatedSubscriptionList",
    "PartiesCreateResponse400",
    "PartiesListResponse400",
    "PartiesPartialUpdateResponse400",
    "PartiesRetrieveResponse400",
    "PartiesUpdateResponse400",
    "Party",
    "PartyBrief",
    "PartyChangeAwaitingReview",
    "PartyKindEnum",
    "PartyWriteRequest",
    "PatchedAgreementWriteRequest",
    "PatchedAttendanceWriteRequest",
    "PatchedDelegationWriteRequest",
    "PatchedIssueStatusWriteRequest",
    "PatchedIssueWriteRequest",
    "PatchedMembershipWriteRequest",
    "PatchedPartyWriteRequest",
    "PatchedPersonWriteRequest",
    "PatchedPositionWriteRequest",
    "PatchedProcessWriteRequest",
    "PatchedRoundWriteRequest",
    "PatchedSessionWriteRequest",
    "PatchedSourceWriteRequest",
    "PatchedStatementWriteRequest",
    "PatchedSubscriptionWriteRequest",
    "PendingRevision",
    "PendingRevisionProposed",
    "PendingRevisionStateEnum",
    "PeopleCreateResponse400",
    "PeopleListResponse400",
    "PeoplePartialUpdateResponse400",
    "PeopleRetrieveResponse400",
    "PeopleUpdateResponse400",
    "Person",
    "PersonBrief",
    "PersonChangeAwaitingReview",
    "PersonLooksKnown",
    "PersonWriteRequest",
    "Popolo",
    "PopoloMembership",
    "PopoloOrganization",
    "PopoloPerson",
    "PopoloRetrieveResponse400",
    "Position",
    "PositionChangeAwaitingReview",
    "PositionsCorrectionCreateResponse400",
    "PositionsCreateResponse400",
    "PositionsListInclude",
    "PositionsListResponse400",
    "PositionsPartialUpdateResponse400",
    "PositionsPublishCreateResponse400",
    "PositionsRetrieveInclude",
    "PositionsRetrieveResponse400",
    "PositionsSendBackCreateResponse400",
    "PositionsUpdateResponse400",
    "PositionsWithdrawCreateResponse400",
    "PositionWriteRequest",
    "Process",
    "ProcessChangeAwaitingReview",
    "ProcessesCreateResponse400",
    "ProcessesListResponse400",
    "ProcessesPartialUpdateResponse400",
    "ProcessesRetrieveResponse400",
    "ProcessesUpdateResponse400",
    "ProcessWriteRequest",
    "Proposal",
    "Proposals",
    "ProposedSpeaker",
    "ReportAsRead",
    "ReportRequest",
    "Round",
    "RoundAgreement",
    "RoundChair",
    "RoundChangeAwaitingReview",
    "RoundDelegation",
    "RoundDetail",
    "RoundFormatEnum",
    "RoundIssueStatus",
    "RoundMember",
    "RoundRef",
    "RoundsCreateResponse400",
    "RoundsListResponse400",
    "RoundsListStatusType0",
    "RoundsPartialUpdateResponse400",
    "RoundsProposalsCreateResponse400",
    "RoundsRetrieveResponse400",
    "RoundStatusEnum",
    "RoundsUpdateResponse400",
    "RoundWriteRequest",
    "ScaleEnum",
    "SendBackRequest",
    "Session",
    "SessionChangeAwaitingReview",
    "SessionsCreateResponse400",
    "SessionsListResponse400",
    "SessionsListTrackType0",
    "SessionsPartialUpdateResponse400",
    "SessionsRetrieveResponse400",
    "SessionsUpdateResponse400",
    "SessionTrackEnum",
    "SessionWriteRequest",
    "Source",
    "SourceBrief",
    "SourceChangeAwaitingReview",
    "SourcesCreateResponse400",
    "SourcesListResponse400",
    "SourcesPartialUpdateResponse400",
    "SourcesRetrieveResponse400",
    "SourcesUpdateResponse400",
    "SourceWriteRequest",
    "Speaker",
    "StateEnum",
    "Statement",
    "StatementChangeAwaitingReview",
    "StatementKindEnum",
    "StatementsCorrectionCreateFormat",
    "StatementsCorrectionCreateResponse400",
    "StatementsCreateFormat",
    "StatementsCreateResponse400",
    "StatementsDestroyFormat",
    "StatementsListFormat",
    "StatementsListInclude",
    "StatementsListResponse400",
    "StatementsPartialUpdateFormat",
    "StatementsPartialUpdateResponse400",
    "StatementsPublishCreateFormat",
    "StatementsPublishCreateResponse400",
    "StatementsRetrieveFormat",
    "StatementsRetrieveInclude",
    "StatementsRetrieveResponse400",
    "StatementsSendBackCreateFormat",
    "StatementsSendBackCreateResponse400",
    "StatementsUpdateFormat",
    "StatementsUpdateResponse400",
    "StatementsWithdrawCreateFormat",
    "StatementsWithdrawCreateResponse400",
    "StatementWriteRequest",
    "StatusAsOf",
    "StatusEnum",
    "StatusesCorrectionCreateResponse400",
    "StatusesCreateResponse400",
    "StatusesListInclude",
    "StatusesListResponse400",
    "StatusesListStatusType0",
    "StatusesPartialUpdateResponse400",
    "StatusesPublishCreateResponse400",
    "StatusesRetrieveInclude",
    "StatusesRetrieveResponse400",
    "StatusesSendBackCreateResponse400",
    "StatusesUpdateResponse400",
    "StatusesWithdrawCreateResponse400",
    "StatusMatrix",
    "StatusMatrixRetrieveFormat",
    "StatusMatrixRetrieveResponse400",
    "Subscription",
    "SubscriptionStateEnum",
    "SubscriptionWithSecret",
    "SubscriptionWriteRequest",
    "SurenessEnum",
    "Throttled",
    "Timeline",
    "TimelineEntry",
    "TimelineEntryKindEnum",
    "TimelineJS",
    "TimelineJSDate",
    "TimelineJSEvent",
    "TimelineJSText",
    "TimelineJSTitle",
    "TimelineRecord",
    "TimelineSource",
    "VersionOnlyRequest",
    "WebhookEventEnum",
    "WebhooksCreateResponse400",
    "WebhooksDeliveriesListResponse400",
    "WebhooksListResponse400",
    "WebhooksPartialUpdateResponse400",
    "WebhooksUpdateResponse400",
    "WithdrawRequest",
)
