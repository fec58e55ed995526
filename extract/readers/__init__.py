"""Claim reading: a Quantity in its sentence becomes a fact row (entity, metric, places, period, speaker, person)."""
