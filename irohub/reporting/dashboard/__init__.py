"""The manager dashboard: live figures from the same metric functions as the annual report."""
