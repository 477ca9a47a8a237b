"""Sign-in: users and roles, password hashes, access tokens, the login rate limit.

Pure helpers (no I/O except ``secret.py`` and ``users.py``), shared by the API and the CLI.
"""
