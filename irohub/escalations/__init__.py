"""irohub escalations."""
