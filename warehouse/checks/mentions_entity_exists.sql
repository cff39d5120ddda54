select mentions.doc_id, mentions.entity_id
from mentions
anti join stg_entities as entities on mentions.entity_id = entities.entity_id
