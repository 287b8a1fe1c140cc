"""Each agenda issue's timeline: the pure builder and its inputs, the marks that say which
timelines an edit touches, the rebuild, and the Celery jobs around it."""
