"""The reviewers' queue: /review/…"""

from django.urls import path

from issues.editorial.review import batch, views, withdraw

app_name = "review"

urlpatterns = [
    path("", views.review_queue, name="queue"),
    path("publish-checked/", batch.publish_checked, name="publish-checked"),
    path("changes/<uuid:uuid>/publish/", views.publish_revision, name="publish-change"),
    path("changes/<uuid:uuid>/discard/", views.discard_revision, name="discard-change"),
    path("<str:kind>/<uuid:uuid>/publish/", views.publish_draft, name="publish"),
    path("<str:kind>/<uuid:uuid>/send-back/", views.send_back_draft, name="send-back"),
    path("withdraw/<str:kind>/<uuid:uuid>/", withdraw.withdraw_record, name="withdraw"),
]
