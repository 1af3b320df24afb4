"""Settings of the example project: templates only, no database, no apps.

Secrets and switches come from the environment so the file can be copied as is;
the defaults are for a developer's machine only.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

#: The content file to publish (point this at your own).
DSFR_ACCORDION_CONTENT = BASE_DIR.parent.parent / "temoignages-cloud.yaml"

#: The languages served: the content's own and those with a catalogue beside it.
DSFR_ACCORDION_LANGS = ("fr", "en")

#: Where pages load the DSFR files: None for the pinned release on a public CDN (with
#: Subresource Integrity), or the URL of a copy made with dsfr_accordion.copy_dist.
DSFR_BASE = None

# Never use the fallback key in production: set DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-example-key-for-local-use-only")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")

# No model, no admin, no session: nothing needs a database, and an empty
# DATABASES makes any accidental query fail loudly instead of creating a file.
INSTALLED_APPS: list[str] = []
DATABASES: dict[str, dict[str, str]] = {}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "temoignages_site.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"context_processors": []},
    }
]
# The page language comes from the URL; Django's own translations are not used.
USE_I18N = False
USE_TZ = True
