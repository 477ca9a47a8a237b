"""Synthetic data the project makes itself: a seeded month and the demo's voiced recordings."""
