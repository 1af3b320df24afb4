"""``/<lang>/temoignages``, and ``/`` redirecting to the French page (the content's language)."""

from __future__ import annotations

from django.urls import path
from django.views.generic import RedirectView

from . import views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="temoignages", permanent=False), {"lang": "fr"}),
    path("<str:lang>/temoignages", views.temoignages, name="temoignages"),
]
