"""The API's pagination, kept apart from the views: DRF imports it while it loads them."""

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """Pages of 50 by default; a client may ask for up to 200, never more."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
