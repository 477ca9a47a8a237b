"""Officer early-warning alerts, the monthly squad assessment and the officer's own record."""
