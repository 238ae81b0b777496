"""One spider per source type; each takes every sources.yml entry of its type."""
