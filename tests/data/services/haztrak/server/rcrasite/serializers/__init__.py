from .address_serializer import AddressSerializer
from .contact_serializer import ContactSerializer, RcraPhoneSerializer
from .site_serializer import RcraSiteSearchSerializer, RcraSiteSerializer

__all__ = [
    "AddressSerializer",
    "ContactSerializer",
    "RcraPhoneSerializer",
    "RcraSiteSearchSerializer",
    "RcraSiteSerializer",
]
