"""What changed: between two versions of the agenda (diff) and over git history (history)."""
