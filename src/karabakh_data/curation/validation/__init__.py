"""Every check of the data, in one place, a module per job.

- ``records``: the curated records, table by table and as a whole (the build's validation step);
- ``tables``: the Pandera schema of each table (types, vocabularies, bounds, keys, row rules);
- ``row_rules`` and ``rules``: the named rules a table lists in the registry;
- ``dataset``: checks across tables and against outside references (GeoNames);
- ``package``: a published data package, as ``karabakh-data validate PATH`` runs it;
- ``integrity``: a published package's files against the hashes its descriptor declares;
- ``audit``: the curated records against the seed documents they were curated from.
"""
