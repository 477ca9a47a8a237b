"""jiancha (监察): supervision of all traffic enforcement, for a detachment's 监查中心."""

__version__ = "0.1.0"
