from .contact import Address, Contact, RcraCountries, RcraPhone, RcraStates
from .rcrasite import (
    RcraSite,
    RcraSiteType,
    Role,
)

__all__ = [
    "Address",
    "Contact",
    "RcraCountries",
    "RcraPhone",
    "RcraSite",
    "RcraSiteType",
    "RcraStates",
    "Role",
]
