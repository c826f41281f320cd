"""irohub reporting."""
