"""Serializers of the API: rounds with what was assessed there, agenda issues, the
assessments (statuses, positions, agreements) and statements, with their sources; and
the input of the writes to statements and assessments."""
