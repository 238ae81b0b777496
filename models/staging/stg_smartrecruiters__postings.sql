-- smartrecruiters postings from raw.postings, in the shared staging shape.
{{ stage_postings('smartrecruiters') }}
