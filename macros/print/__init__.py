"""The printable documents (PDF downloads) of every version and comparison."""
