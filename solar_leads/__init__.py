"""solar-leads: find companies hiring for solar PV design and drafting work."""

__version__ = "0.1.0"
