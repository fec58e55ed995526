"""Ingestion: files and records become Documents, scraped pages become Articles, text becomes Sentence spans."""
