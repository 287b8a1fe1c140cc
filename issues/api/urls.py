from django.urls import path
from rest_framework.routers import SimpleRouter

from issues.api.views import assessments, issues, rounds, statements

router = SimpleRouter()
router.register("rounds", rounds.RoundViewSet, basename="round")
router.register("issues", issues.IssueViewSet, basename="issue")
router.register("statuses", assessments.IssueStatusViewSet, basename="issuestatus")
router.register("positions", assessments.PositionViewSet, basename="position")
router.register("agreements", assessments.AgreementViewSet, basename="agreement")
router.register("statements", statements.StatementViewSet, basename="statement")

urlpatterns = [
    *router.urls,
    path("status-matrix/", issues.StatusMatrixView.as_view(), name="status-matrix"),
]
