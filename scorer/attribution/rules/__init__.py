"""The attribution rules: each a function of a field's ``TokenView`` (and, for the later ones,
a read-only snapshot of what was resolved before it) that returns candidate attributions."""
