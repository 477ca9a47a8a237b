"""Synthetic data the project makes itself: a seeded month of events and the demo's voiced recordings."""
