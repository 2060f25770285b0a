"""The exhibit format: schema, YAML reading with positions, checks, loading. Plain Python, no Qt."""
