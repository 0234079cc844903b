from .handler_serializer import HandlerSerializer, TransporterSerializer
from .manifest import ManifestSerializer, MtnSerializer
from .signatures import ESignatureSerializer, PaperSignatureSerializer, QuickerSignSerializer

__all__ = [
    "ESignatureSerializer",
    "HandlerSerializer",
    "ManifestSerializer",
    "MtnSerializer",
    "PaperSignatureSerializer",
    "QuickerSignSerializer",
    "TransporterSerializer",
]
