"""The editors' history pages: /records/…"""

from django.urls import path

from negotrack import history

app_name = "records"

urlpatterns = [
    path("changes/", history.recent_changes, name="changes"),
    path("<str:record_type>/<uuid:uuid>/history/", history.record_history, name="history"),
    path("<str:record_type>/<uuid:uuid>/history/restore/", history.restore, name="restore"),
]
