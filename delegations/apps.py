from django.apps import AppConfig


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = "delegations"

    def ready(self) -> None:
        from delegations import services
        from delegations.models import Attendance, Delegation, Membership, Party, Person
        from negotrack.registry import RecordType, register

        register(
            RecordType(Party, "parties", services.party_save, route="party", lookup="slug"),
            RecordType(
                Person,
                "people",
                services.person_save,
                route="person",
                lookup="slug",
                # The person restored is the one deleted, whoever else goes by a like name now.
                restore_options={"confirm_new": True},
            ),
            RecordType(Delegation, "delegations", services.delegation_save, many=("sources",), route="delegation"),
            RecordType(Membership, "memberships", services.membership_save, many=("sources",), route="membership"),
            RecordType(Attendance, "attendances", services.attendance_save, route="attendance"),
        )
