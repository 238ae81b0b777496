"""Read-only ad-hoc SQL on the warehouse (`leads query`)."""
