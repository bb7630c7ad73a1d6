"""onrecord's version (the package's, and part of every record's ``pipeline``)."""
__version__ = "0.1.0"
