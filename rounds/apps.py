from django.apps import AppConfig


class RoundsConfig(AppConfig):
    name = "rounds"
    verbose_name = "rounds"

    def ready(self) -> None:
        from negotrack.registry import RecordType, register
        from rounds import services
        from rounds.models import Process, Round, Session, Source

        register(
            RecordType(Source, "sources", services.source_save, route="source"),
            RecordType(Process, "processes", services.process_save, route="process", lookup="slug"),
            RecordType(
                Round,
                "rounds",
                services.round_save,
                delete=services.round_delete,
                many=("sources",),
                route="round",
                lookup="slug",
            ),
            RecordType(Session, "sessions", services.session_save, route="session"),
        )
