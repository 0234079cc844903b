from .post import Post
from .rate_limit import RateLimit
from .tier import Tier
from .user import User
