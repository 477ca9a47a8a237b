"""The Elasticsearch projection: index definitions, documents built from events, writes, queries."""
