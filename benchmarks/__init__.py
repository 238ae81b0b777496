"""`make bench`: each benchmark measures our SQL path beside a straightforward pure-Python baseline."""
