from django.urls import path
from rest_framework.routers import SimpleRouter

from issues.api import views

router = SimpleRouter()
router.register("rounds", views.RoundViewSet, basename="round")
router.register("issues", views.IssueViewSet, basename="issue")
router.register("statuses", views.IssueStatusViewSet, basename="issuestatus")
router.register("positions", views.PositionViewSet, basename="position")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("statements", views.StatementViewSet, basename="statement")

urlpatterns = [
    *router.urls,
    path("status-matrix/", views.StatusMatrixView.as_view(), name="status-matrix"),
]
