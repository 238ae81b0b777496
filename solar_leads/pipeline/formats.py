"""The leads file's formats: the one list `leads export --format` offers and the exports write (kept apart from
export.py so the command line can name them without importing the exporters)."""

# Each format: (the file name after the run id, the export-shaped model it streams)
LEADS_FORMATS = {
    "csv": (".csv", "export_leads"),
    "new": ("_new.csv", "export_new_leads"),  # written with csv: the companies first qualified in this run
    "hubspot": (".hubspot.csv", "export_crm_hubspot"),
    "salesforce": (".salesforce.csv", "export_crm_salesforce"),
    "xlsx": (".xlsx", "export_lead_rows"),
}

# What a user asks for with --format ("new" comes with csv)
CHOOSABLE_FORMATS = tuple(fmt for fmt in LEADS_FORMATS if fmt != "new")
