"""irohub transfer."""
