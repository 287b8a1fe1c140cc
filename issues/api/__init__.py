"""The REST API of the issues layer: rounds with their statuses, agenda issues, the
assessments and statements, the status matrix. Views, serializers, filters and routes."""
