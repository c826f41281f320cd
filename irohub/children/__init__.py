"""irohub children."""
