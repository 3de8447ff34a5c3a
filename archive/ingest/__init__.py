"""From report text to the database: read a source, parse it into plain data, load that data.

`source` reads files and headers, `parser` turns text into `records` (dataclasses, no database),
and `loader` writes those records, one transaction per article or per batch of new articles.
"""
