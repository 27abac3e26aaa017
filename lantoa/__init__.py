"""Lantoa: policy communication for Vietnamese public bodies."""

from lantoa.celery import app as celery_app

__all__ = ["celery_app"]
