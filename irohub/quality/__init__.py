"""irohub quality."""
