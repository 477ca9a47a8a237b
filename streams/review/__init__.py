"""Review and rectification: case decisions, the 整改通知书 lifecycle (pure rules), attachments."""
