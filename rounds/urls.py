from rest_framework.routers import SimpleRouter

from rounds.api import ProcessViewSet, SessionViewSet, SourceViewSet

router = SimpleRouter()
router.register("processes", ProcessViewSet, basename="process")
router.register("sessions", SessionViewSet, basename="session")
router.register("sources", SourceViewSet, basename="source")

urlpatterns = router.urls
