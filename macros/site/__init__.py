"""The web site: which pages exist, their view data and how they are rendered."""
