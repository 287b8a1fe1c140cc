"""What the webhooks' tests share: a subscriber's account."""

import pytest

from negotrack.groups import SUBSCRIBERS, add_to_group


@pytest.fixture
def tool(django_user_model):
    """An account of the Subscribers group: reads, and manages its own subscriptions."""
    user = django_user_model.objects.create_user("tool", password="pw-tool")
    add_to_group(user, SUBSCRIBERS)
    return user
