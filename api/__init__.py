"""The FastAPI service for reviewers, squad leaders and the supervisor."""
