from django.urls import path

from webhooks.pages import views

app_name = "webhooks"

urlpatterns = [
    path("", views.index, name="index"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/rotate-secret/", views.rotate_secret, name="rotate-secret"),
    path("<uuid:uuid>/resume/", views.resume, name="resume"),
    path("<uuid:uuid>/delete/", views.delete, name="delete"),
    path("<uuid:uuid>/deliveries/<uuid:delivery>/redeliver/", views.redeliver, name="redeliver"),
]
