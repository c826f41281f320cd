"""Data out: the SSDA903 return for a collection year (`irohub export 903`)."""
