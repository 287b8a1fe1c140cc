"""The reviewers' queue: /review/…"""

from django.urls import path

from issues.editorial import review

app_name = "review"

urlpatterns = [
    path("", review.review_queue, name="queue"),
    path("changes/<uuid:uuid>/publish/", review.publish_revision, name="publish-change"),
    path("changes/<uuid:uuid>/discard/", review.discard_revision, name="discard-change"),
    path("<str:kind>/<uuid:uuid>/publish/", review.publish_draft, name="publish"),
    path("<str:kind>/<uuid:uuid>/send-back/", review.send_back_draft, name="send-back"),
    path("withdraw/<str:kind>/<uuid:uuid>/", review.withdraw_record, name="withdraw"),
]
