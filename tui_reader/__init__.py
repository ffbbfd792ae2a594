"""tui-reader: a terminal market-news reader filed by ticker and ISIN."""

__version__ = "0.1.0"
