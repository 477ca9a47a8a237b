"""The stream side of jiancha: the Faust app and its agents (the contracts they read and write are
in ``jiancha.schemas`` and ``jiancha.topics``, shared with the rules and the API)."""
