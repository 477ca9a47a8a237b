"""Random spot checks (抽查) of unflagged encounters and the analyzers' miss rate (issue 17)."""
