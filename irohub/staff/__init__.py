"""irohub staff."""
