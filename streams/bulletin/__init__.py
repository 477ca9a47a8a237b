"""《监察专刊》: the weekly supervision bulletin, compiled from Elasticsearch aggregations."""
