"""jiancha (监察): supervision of traffic enforcement for a detachment's supervision center (监查中心)."""

__version__ = "0.1.0"
