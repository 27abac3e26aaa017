"""Lantoa: policy communication for Vietnamese public bodies."""
