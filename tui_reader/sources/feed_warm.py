"""Importing this module builds the extractor's tables (`feed_worker.warm_up`).

The feed parsers' forkserver preloads it, so the instrument directory and the
patterns are built once, in the server, before it forks the workers, instead of
once per worker after each starts (issue 14, item 5). Nothing else imports it.
"""

from tui_reader.sources.feed_worker import warm_up

warm_up()
