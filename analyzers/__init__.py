"""The rules: pure functions over plain records that flag 逐利执法, 过度执法 and procedural lapses.

One module per kind of rule: :mod:`~analyzers.record_rules` (one ticket, one recording),
:mod:`~analyzers.coverage_rules` (a ticket and the officer's recordings),
:mod:`~analyzers.duplicate_rules` (tickets of one vehicle, 一事不再罚),
:mod:`~analyzers.speech_rules` (what is said, with the words in :mod:`~analyzers.lexicon`) and
:mod:`~analyzers.officer_stats` (an officer's month). :mod:`~analyzers.engine` only schedules them
on event time and joins the events they look at; :mod:`~analyzers.batch` runs it over a file.

Rules import nothing from Faust, Kafka or Elasticsearch, nor from the services: only the event
schemas (``jiancha/schemas``) and the kernel (``jiancha/``, e.g. :mod:`jiancha.text`). The stream
agents and the batch CLI call the same code.
"""
