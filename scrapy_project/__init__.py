"""Scrapy spiders, items and pipelines that load job postings and search snippets into the DuckDB warehouse."""
