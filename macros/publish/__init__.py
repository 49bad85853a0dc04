"""Publishing: build every version atomically, write open data, scaffold a new municipality."""
