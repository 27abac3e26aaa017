"""The one error a query can raise, with a Vietnamese message for the person who typed it."""

__all__ = ["QueryError"]


class QueryError(ValueError):
    """A query that cannot be run, and where it went wrong.

    ``position`` is the 0-based offset of the offending character in the NFC-normalised query;
    the message names it 1-based ("vị trí 12" is the twelfth character), as people count.
    """

    def __init__(self, message: str, *, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
