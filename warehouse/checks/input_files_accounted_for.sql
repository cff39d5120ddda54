-- every input file is the source of an article or quarantined; a whole file is never both
select input_files.source_path, 'neither loaded nor quarantined' as problem
from stg_input_files as input_files
where input_files.source_path not in (select source_path from stg_sources)
    and input_files.source_path not in (select source_path from stg_quarantine)
union all
select sources.source_path, 'both loaded and quarantined' as problem
from stg_sources as sources
inner join stg_quarantine as quarantine
    on sources.source_path = quarantine.source_path
    and sources.record_no is null
    and quarantine.record_no is null
