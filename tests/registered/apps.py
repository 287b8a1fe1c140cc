from django.apps import AppConfig


class RegisteredConfig(AppConfig):
    name = "tests.registered"
    label = "registered"
    verbose_name = "records registered by the tests"

    def ready(self) -> None:
        from issues import services as issue_services
        from negotrack.registry import RecordType, register
        from tests.registered.models import Communique, communique_save

        # The one registration a new publishable record type needs.
        register(
            RecordType(
                Communique,
                "communiques",
                communique_save,
                delete=issue_services.draft_delete,
                many=("sources",),
                publishable=True,
                correct=issue_services.correction_start,
            )
        )
