"""irohub voice."""
