"""The embedded default: a real single-node Kafka (KRaft) and Elasticsearch run as local processes.

Fetched once from Maven Central into the user's cache, state and logs under one data directory,
loopback only. ``jiancha up | down | status`` drive it.
"""
