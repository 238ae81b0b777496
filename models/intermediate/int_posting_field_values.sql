{{ config(
    materialized='incremental',
    unique_key='posting_id',
    incremental_strategy='delete+insert',
    post_hook="{% if this is not none %}{{ forget_unqualified_postings(this, ref('int_postings_scored')) }}{% endif %}"
) }}
-- depends_on: {{ ref('int_posting_urls') }}
-- The enrichment field values each qualified posting states in its own text (enrichment_patterns), for
-- enrichment_decisions' fallback: one row per qualified posting, its matches in a list (empty when none). Kept
-- between builds: a build reads the text of a qualified posting only when its new sightings touched it or it was not
-- qualified before, and the post_hook forgets the postings no longer qualified (or merged away). The values depend
-- on the text and the patterns alone; a change of the patterns (a seed) rebuilds everything. A full rebuild gives
-- the same rows.
with qualified as (
    select posting_id from {{ ref('int_postings_scored') }}
    where qualified
),

to_extract as (
    {% if is_incremental() %}
        select posting_id from qualified
        semi join (
            select md5(dedupe_key) as posting_id
            from ({{ touched_posting_keys(ref('int_posting_urls'), is_incremental()) }})
            union all
            select posting_id from qualified
            anti join {{ this }} as kept on qualified.posting_id = kept.posting_id
        ) as due on qualified.posting_id = due.posting_id
    {% else %}
        select posting_id from qualified
    {% endif %}
),

texts as (
    select
        posting_id,
        description
    from ({{ postings_read(ref('postings'), 'to_extract') }})
),

fields as (
    select * from {{ ref('enrichment_fields') }}
),

patterns as (
    select * from {{ ref('enrichment_patterns') }}
),

matches as (
    select
        texts.posting_id,
        patterns.field,
        patterns.pattern_order,
        {{ normalize_value('regexp_extract(texts.description, patterns.pattern, 1)', 'fields.normalize',
                           'patterns.canonical_value') }} as candidate,
        regexp_extract(texts.description, patterns.pattern, 0) as evidence_quote
    from texts
    inner join patterns on true
    inner join fields on patterns.field = fields.field
    where regexp_matches(texts.description, patterns.pattern)
),

final as (
    select
        to_extract.posting_id,
        coalesce(
            list({
                'field': matches.field,
                'pattern_order': matches.pattern_order,
                'candidate': matches.candidate,
                'evidence_quote': matches.evidence_quote
            } order by matches.field, matches.pattern_order) filter (where matches.field is not null),
            []
        ) as field_values
    from to_extract
    left join matches on to_extract.posting_id = matches.posting_id
    group by to_extract.posting_id
)

select * from final
