"""The fact table: the one row schema, its CSV/Parquet export and the DuckDB store."""
