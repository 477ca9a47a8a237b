"""A benchmark's own topics, indices and consumer groups, and the environment its children use."""

from __future__ import annotations

import os
import uuid

from jiancha.settings import Settings
from streams.admin import ensure_topics


def scratch(letter: str) -> tuple[str, Settings, dict[str, str]]:
    """A fresh prefix (``letter`` + 8 hex), its settings with the topics created, and the
    environment that points a ``jiancha`` child process at them."""
    name = f"{letter}{uuid.uuid4().hex[:8]}"
    s = Settings(topic_prefix=f"{name}-", index_prefix=name, app_id=name)
    ensure_topics(s)
    env = dict(os.environ)
    env.update(JIANCHA_TOPIC_PREFIX=s.topic_prefix, JIANCHA_INDEX_PREFIX=name, JIANCHA_APP_ID=name)
    return name, s, env
