"""jiancha (监察): supervision of all traffic enforcement, for a detachment's 监查中心.

This package is the ground every other part stands on: settings, the event contracts
(``schemas``) and the topic catalogue (``topics``), the Kafka and Elasticsearch clients, and the
command line that starts the parts.
"""

__version__ = "0.1.0"
