from django.urls import path
from rest_framework.routers import SimpleRouter

from delegations.api import AttendanceViewSet, DelegationViewSet, MembershipViewSet, PartyViewSet, PersonViewSet
from delegations.popolo.views import PopoloView

router = SimpleRouter()
router.register("parties", PartyViewSet, basename="party")
router.register("people", PersonViewSet, basename="person")
router.register("delegations", DelegationViewSet, basename="delegation")
router.register("memberships", MembershipViewSet, basename="membership")
router.register("attendances", AttendanceViewSet, basename="attendance")

urlpatterns = [*router.urls, path("popolo/", PopoloView.as_view(), name="popolo")]
