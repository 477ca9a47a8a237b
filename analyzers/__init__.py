"""The rules: pure functions over plain records that flag 逐利执法, 过度执法 and procedural lapses.

Rules import nothing from Faust, Kafka or Elasticsearch; the stream agents and the batch CLI
call the same code.
"""
