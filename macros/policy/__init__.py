"""The policy as data: load the YAML safely, validate it, build the frozen model and its index.

Imports nothing from the other sub-packages: everything else is built on it.
"""
