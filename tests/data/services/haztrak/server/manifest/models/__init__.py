from .contact import ManifestPhone
from .handler import Handler, Transporter
from .manifest import (
    AdditionalInfo,
    Manifest,
    PortOfEntry,
    draft_mtn,
    manifest_factory,
    validate_mtn,
)
from .signature import ESignature, PaperSignature, QuickerSign, Signer

__all__ = [
    "AdditionalInfo",
    "ESignature",
    "Handler",
    "Manifest",
    "ManifestPhone",
    "PaperSignature",
    "PortOfEntry",
    "QuickerSign",
    "Signer",
    "Transporter",
    "draft_mtn",
    "manifest_factory",
    "validate_mtn",
]
