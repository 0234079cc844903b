from bolt11 import (
    Bolt11 as Invoice,  # noqa: F401
)
from bolt11 import (
    decode,  # noqa: F401
    encode,  # noqa: F401
)
