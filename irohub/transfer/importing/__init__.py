"""`irohub import FOLDER`: parse -> validate -> load (interfaces.md §1)."""
