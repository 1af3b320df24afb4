"""A minimal Django project publishing DSFR testimonials with dsfr-accordion."""
