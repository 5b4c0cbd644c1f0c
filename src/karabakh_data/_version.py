"""The one place the dataset (and package) version is set."""

__version__ = "0.3.0"
