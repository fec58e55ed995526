"""The quantity grammar: number atoms, qualifiers, units, time expressions and not-quantities, read as Quantity."""
