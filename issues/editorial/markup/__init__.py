"""The fields of the editors' forms drawn in Python: the same HTML as Django's own form
templates (label, help text, errors, widget), without a template render per field and per
option.

A round's entry page holds some 200 fields and 1,500 options, its set-up dozens of member
rows: through Django's templates every field, label, empty error list and option is a
template render of its own (about 0.25 s for the busiest round). Here a field is a few
string joins, and a choice list that every row offers (the parties, the agenda issues, the
sources) is one `SharedChoices`, escaped once a request, that the rows refer to instead of
each copying it. What is drawn is what Django draws, byte for byte (a test holds it); a
widget this package does not know is drawn by Django as before.
"""

from issues.editorial.markup.fields import DrawnForm, DrawnFormSet, ErrorsIfAny, FieldMarkup
from issues.editorial.markup.widgets import SharedChoices, datalist_options

__all__ = ["DrawnForm", "DrawnFormSet", "ErrorsIfAny", "FieldMarkup", "SharedChoices", "datalist_options"]
