"""The stream side of jiancha: topics, event contracts (schemas), the Faust app and its agents."""
