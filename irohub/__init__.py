"""irohub: the Independent Reviewing Officer service, beside any case-management system."""
