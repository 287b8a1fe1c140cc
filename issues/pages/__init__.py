"""The analysts' pages and feeds: server-rendered from the public record, with their
template tags."""
