"""The curation toolchain: read the curated YAML, validate it, build and publish the data package.

It needs the ``[curation]`` extra (``pip install karabakh-data[curation]``); the loader does not.
"""
