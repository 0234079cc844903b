from .prod import *  # noqa: F403
