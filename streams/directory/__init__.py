"""The directory (名录, issue 16): squads and officers by name, on the ``directory`` topic.

``roster`` derives a roster from replayed events and names it (the demo, eval-dev);
``documents`` is the index projection; ``store`` writes (Kafka first) and reads it;
``agents`` is the indexer worker's projection of the topic.
"""
