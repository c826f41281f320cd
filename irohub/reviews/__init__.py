"""irohub reviews."""
