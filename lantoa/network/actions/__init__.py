"""Writes to the network's records: each function checks permission and agency scoping."""
