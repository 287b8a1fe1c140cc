from django.urls import path
from rest_framework.routers import SimpleRouter

from issues import api

router = SimpleRouter()
router.register("rounds", api.RoundViewSet, basename="round")
router.register("issues", api.IssueViewSet, basename="issue")
router.register("statuses", api.IssueStatusViewSet, basename="issuestatus")
router.register("positions", api.PositionViewSet, basename="position")
router.register("agreements", api.AgreementViewSet, basename="agreement")
router.register("statements", api.StatementViewSet, basename="statement")

urlpatterns = [
    *router.urls,
    path("status-matrix/", api.StatusMatrixView.as_view(), name="status-matrix"),
]
