-- attack: a format that no longer compiles (once it aborted the run).
-- expect: missing field 'parts'
parts = nil
