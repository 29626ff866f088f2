-- A local rule pack: the extra requirements of one city's 政务公开办.
-- Load it with `--rules examples/rules`, or name it under `packs:` in a config file.
name = "local"
