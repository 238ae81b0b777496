"""The rules engine: the scoring rules (docs/lead-scoring.md) and the acceptance rules (docs/enrichment-evidence.md)
as the dbt macros apply them, run over files and measured against labels.

score     `leads score`: the scoring rules over a file of postings
decide    `leads decide`: the acceptance rules over a file of candidates
evaluate  `leads evaluate`: precision, recall and F1 of the scoring rules on the labeled data
tune      `leads tune`: weights and threshold proposed from the labeled data by cross-validation
labels    the labeled data: the golden set and the reviewed items (data/golden/, data/labeled/)
review    `leads review import`: a reviewed rejected-leads JSON or a Label Studio export into the labeled data
"""
