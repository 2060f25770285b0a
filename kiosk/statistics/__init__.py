"""Anonymous, local visitor statistics: recording, reports, CSV. Plain Python, no Qt."""
